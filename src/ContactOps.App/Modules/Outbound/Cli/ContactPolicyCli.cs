using System.CommandLine;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`contact-policy check --operation X --phone N --at ISO [--json]`.</summary>
internal static class ContactPolicyCli
{
    public static Command Build(CliContext context)
    {
        var group = new Command("contact-policy", "Política de contacto de las campañas salientes (Ley 2300 de 2023 y CRC).");
        var check = new Command("check", "¿Se puede llamar a este número ahora? Imprime {\"allowed\":…,\"reasons\":[…]}; la consulta queda registrada.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var phone = new Option<string>("--phone") { Description = "Número a consultar", Required = true };
        var at = new Option<string>("--at") { Description = "Instante ISO-8601 con zona (p. ej. 2026-11-23T10:00:00-05:00)", Required = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        check.Options.Add(operation);
        check.Options.Add(phone);
        check.Options.Add(at);
        check.Options.Add(json);
        check.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<CheckContactPolicy>();
            var result = await handler.HandleAsync(new CheckContactPolicyRequest(parse.GetValue(operation), parse.GetValue(phone), parse.GetValue(at)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var r = result.Value!;
            if (asJson)
            {
                context.WriteJson(new { allowed = r.Allowed, reasons = r.Reasons });
            }
            else
            {
                context.Out.WriteLine(r.Allowed ? $"Permitido: {r.Phone}" : $"No permitido: {r.Phone} ({string.Join(", ", r.Reasons)})");
            }

            return ExitCodes.Ok;
        });
        group.Subcommands.Add(check);
        return group;
    }
}

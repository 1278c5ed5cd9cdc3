using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`dnc add|remove|list`: the operation's internal do-not-call list.</summary>
internal static class DncCli
{
    public static Command Build(CliContext context)
    {
        var dnc = new Command("dnc", "Lista interna de no llamar de una operación");
        dnc.Subcommands.Add(DncVerb(context, "add", "Agrega un número a la lista interna de no llamar", withPhone: true, withReason: true));
        dnc.Subcommands.Add(DncVerb(context, "remove", "Quita un número de la lista interna de no llamar", withPhone: true, withReason: false));
        dnc.Subcommands.Add(DncVerb(context, "list", "Muestra la lista interna de no llamar de la operación", withPhone: false, withReason: false));
        return dnc;
    }

    private static Command DncVerb(CliContext context, string name, string description, bool withPhone, bool withReason)
    {
        var command = new Command(name, description);
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var phone = new Option<string>("--phone") { Description = "Número de teléfono", Required = withPhone };
        var reason = new Option<string?>("--reason") { Description = "Motivo" };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        command.Options.Add(operation);
        if (withPhone)
        {
            command.Options.Add(phone);
        }

        if (withReason)
        {
            command.Options.Add(reason);
        }

        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var list = scope.ServiceProvider.GetRequiredService<ManageDoNotCallList>();
            var code = parse.GetValue(operation)!;
            switch (name)
            {
                case "add":
                    var added = await list.AddAsync(code, parse.GetValue(phone)!, parse.GetValue(reason), ct);
                    if (!added.IsSuccess)
                    {
                        return context.Fail(added.Error!, asJson);
                    }

                    Print(context, asJson, [added.Value!]);
                    return ExitCodes.Ok;
                case "remove":
                    var removed = await list.RemoveAsync(code, parse.GetValue(phone)!, ct);
                    if (!removed.IsSuccess)
                    {
                        return context.Fail(removed.Error!, asJson);
                    }

                    if (asJson)
                    {
                        context.WriteJson(new { removed = true });
                    }
                    else
                    {
                        context.Out.WriteLine("Número quitado de la lista de no llamar.");
                    }

                    return ExitCodes.Ok;
                default:
                    var all = await list.ListAsync(code, ct);
                    if (!all.IsSuccess)
                    {
                        return context.Fail(all.Error!, asJson);
                    }

                    Print(context, asJson, all.Value!);
                    return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static void Print(CliContext context, bool json, IReadOnlyList<DncItem> items)
    {
        if (json)
        {
            context.WriteJson(items.Select(i => new { phone = i.Phone, source = i.Source, reason = i.Reason, addedAt = i.AddedAt }));
            return;
        }

        foreach (var item in items)
        {
            context.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}\t{1}\t{2:yyyy-MM-dd HH:mm}Z\t{3}", item.Phone, item.Source, item.AddedAt.UtcDateTime, item.Reason));
        }
    }
}

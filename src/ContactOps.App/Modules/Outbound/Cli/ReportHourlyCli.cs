using System.CommandLine;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`report hourly --operation X --date AAAA-MM-DD [--format json|csv]`: the hour-by-hour report of a day.</summary>
internal static class ReportHourlyCli
{
    public static Command Build(CliContext context)
    {
        var command = new Command("hourly", "Informe hora a hora de un día (franja de contacto de la campaña).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var date = new Option<string>("--date") { Description = "Fecha local (AAAA-MM-DD)", Required = true };
        var format = new Option<string>("--format") { Description = "json o csv", DefaultValueFactory = _ => "json" };
        foreach (var option in new Option[] { operation, date, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var fmt = parse.GetValue(format)?.Trim().ToLowerInvariant();
            var asJson = fmt != "csv";
            if (fmt is not ("json" or "csv"))
            {
                return context.Fail(Error.Invalid("format", "report.format"), true);
            }

            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<GetOutboundHourly>().HandleAsync(new OutboundHourlyRequest(parse.GetValue(operation), parse.GetValue(date)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            if (asJson)
            {
                context.WriteJson(GetOutboundHourly.Json(result.Value!));
            }
            else
            {
                context.Out.Write(GetOutboundHourly.Csv(result.Value!));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

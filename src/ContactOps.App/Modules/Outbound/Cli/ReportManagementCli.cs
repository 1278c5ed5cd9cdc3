using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`report management --operation X --date AAAA-MM-DD --out F [--format csv|xlsx] [--base ID] [--json]`: the carrier's daily management report.</summary>
internal static class ReportManagementCli
{
    public static Command Build(CliContext context)
    {
        var command = new Command("management", "Informe diario de gestión para el operador: cada registro de la base con sus intentos, último intento, última tipificación y estado, en el formato del operador.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var date = new Option<string>("--date") { Description = "Fecha (AAAA-MM-DD, zona del cliente): estado de los registros al final del día", Required = true };
        var output = new Option<string>("--out") { Description = "Ruta del archivo a escribir", Required = true };
        var format = new Option<string?>("--format") { Description = "csv o xlsx (por defecto, la extensión de --out)" };
        var baseId = new Option<string?>("--base") { Description = "Id de una base (por defecto, todas las bases abiertas)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, file, runId}" };
        foreach (var option in new Option[] { operation, date, output, format, baseId, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(output)!;
            var chosen = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(chosen))
            {
                chosen = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            }

            if (chosen is not (ManagementReport.Csv or ManagementReport.Xlsx))
            {
                return context.Fail(Error.Invalid("format", "management.format"), asJson);
            }

            Guid? selectedBase = null;
            if (parse.GetValue(baseId) is { Length: > 0 } rawBase)
            {
                if (!Guid.TryParse(rawBase, out var parsed))
                {
                    return context.Fail(Error.Invalid("base", "management.base"), asJson);
                }

                selectedBase = parsed;
            }

            await using var scope = context.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<GenerateManagementReport>();
            var result = await handler.HandleToFileAsync(new ManagementReportRequest(parse.GetValue(operation), parse.GetValue(date), selectedBase, chosen), path, ManagementTrigger.Cli, ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var run = result.Value!;
            if (asJson)
            {
                context.WriteJson(new { rows = run.Rows, file = Path.GetFullPath(path), runId = run.Id });
            }
            else
            {
                context.Out.WriteLine(string.Format(CultureInfo.GetCultureInfo("es-CO"), "Informe de gestión {0} del {1:yyyy-MM-dd}: {2:N0} registros → {3}", run.Operation, run.Date, run.Rows, path));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

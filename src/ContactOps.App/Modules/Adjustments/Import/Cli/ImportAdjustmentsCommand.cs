using System.CommandLine;
using System.Globalization;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Adjustments.Import.Cli;

/// <summary><c>import adjustments --operation &lt;code&gt; --file &lt;path&gt; [--cutoff &lt;yyyy-MM-dd&gt;] [--mapping &lt;name&gt;] [--json]</c>.</summary>
internal static class ImportAdjustmentsCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("adjustments", "Carga la base de ajustes del operador (ajustes_<corte>, XLSX o CSV) en una célula de ajustes.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación (p. ej. adjustments-cell)", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta de la base (XLSX, o CSV con ; o , en UTF-8 o Windows-1252)", Required = true };
        var cutoff = new Option<string?>("--cutoff") { Description = "Fecha de corte aaaa-MM-dd (por defecto, la fecha del nombre del archivo)" };
        var mapping = new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «adjustments»)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {rows, created, updated, unchanged, rejected}" };
        foreach (var option in new Option[] { operation, file, cutoff, mapping, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            DateOnly? cut = null;
            if (parse.GetValue(cutoff) is { Length: > 0 } cutText)
            {
                if (!DateOnly.TryParseExact(cutText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return context.Fail(Error.Validation("adjustments.cutoff_invalid", $"Fecha de corte «{cutText}» no válida: use aaaa-MM-dd.", "cutoff"), asJson);
                }

                cut = parsed;
            }

            var opened = CliFiles.OpenRead(path);
            if (!opened.IsSuccess)
            {
                return context.Fail(opened.Error!, asJson);
            }

            var stream = opened.Value!;

            await using (stream)
            {
                await using var scope = context.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<ImportAdjustments>();
                var result = await handler.HandleAsync(new ImportAdjustmentsRequest(parse.GetValue(operation), stream, Path.GetFileName(path), cut, parse.GetValue(mapping)), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (asJson)
                {
                    context.WriteJson(new { rows = summary.Rows, created = summary.Created, updated = summary.Updated, unchanged = summary.Unchanged, rejected = summary.Rejected });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Base de ajustes, corte {0:yyyy-MM-dd}: filas {1:N0} · creados {2:N0} · actualizados {3:N0} · sin cambios {4:N0} · rechazados {5:N0}",
                        summary.Cutoff, summary.Rows, summary.Created, summary.Updated, summary.Unchanged, summary.Rejected));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}", row.Line, row.Reason));
                    }

                    if (summary.Rejected > summary.RejectedRows.Count)
                    {
                        context.Out.WriteLine(string.Format(es, "  … y {0:N0} filas rechazadas más.", summary.Rejected - summary.RejectedRows.Count));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }
}

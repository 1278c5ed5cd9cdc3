using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Customers.Import;

/// <summary>`import customers --operation X --file F [--mapping M] [--sheet S] [--rejects R] [--json]`.</summary>
internal static class ImportCustomersCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("customers", "Importa clientes desde un CSV o XLSX a la operación indicada (todo o nada).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación (los clientes son de su cliente/operador)", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del archivo CSV, TXT, TSV o XLSX", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado para la operación" };
        var sheet = new Option<string?>("--sheet") { Description = "Hoja del libro XLSX (por defecto la primera)" };
        var rejects = new Option<string?>("--rejects") { Description = "Escribe aquí el CSV completo de filas rechazadas" };
        var json = new Option<bool>("--json") { Description = "Salida JSON con el resumen y las primeras 100 filas rechazadas" };
        command.Options.Add(operation);
        command.Options.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(sheet);
        command.Options.Add(rejects);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            var opened = CliFiles.OpenRead(path);
            if (!opened.IsSuccess)
            {
                return context.Fail(opened.Error!, asJson);
            }

            var stream = opened.Value!;

            await using (stream)
            {
                await using var scope = context.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<ImportCustomers>();
                var bar = new TextProgressBar(context.Error);
                var result = await handler.HandleAsync(
                    new ImportCustomersRequest(parse.GetValue(operation)!, stream, Path.GetFileName(path), parse.GetValue(mapping), parse.GetValue(sheet)),
                    new InlineProgress<ImportProgress>(bar.Report),
                    ct);
                bar.Finish();
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var summary = result.Value!;
                if (parse.GetValue(rejects) is { } rejectsPath)
                {
                    File.Copy(ImportFiles.RejectsPath(summary.BatchId), rejectsPath, overwrite: true);
                }

                if (asJson)
                {
                    context.WriteJson(new
                    {
                        rows = summary.Rows,
                        created = summary.Created,
                        updated = summary.Updated,
                        unchanged = summary.Unchanged,
                        duplicates = summary.Duplicates,
                        rejected = summary.Rejected,
                        rejectedRows = summary.RejectedRows.Select(r => new { line = r.Line, field = r.Field, reason = r.Reason }),
                    });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Filas: {0:N0} · creados: {1:N0} · actualizados: {2:N0} · sin cambios: {3:N0} · duplicados: {4:N0} · rechazados: {5:N0}",
                        summary.Rows, summary.Created, summary.Updated, summary.Unchanged, summary.Duplicates, summary.Rejected));
                    foreach (var row in summary.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}{2}", row.Line, row.Field is null ? "" : row.Field + ": ", row.Reason));
                    }

                    if (summary.Rejected > summary.RejectedRows.Count)
                    {
                        context.Out.WriteLine(string.Format(es, "  … y {0:N0} más (use --rejects archivo.csv para la lista completa).", summary.Rejected - summary.RejectedRows.Count));
                    }
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>A plain text progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise).</summary>
    private sealed class TextProgressBar(TextWriter writer)
    {
        private readonly bool _inPlace = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        private int _lastTenth = -1;
        private bool _drawn;

        public void Report(ImportProgress progress)
        {
            var percent = (int)Math.Round(Math.Clamp(progress.Fraction, 0, 1) * 100);
            var label = progress.Stage switch
            {
                ImportStage.Reading => "Leyendo",
                ImportStage.Merging => "Guardando",
                _ => "Listo",
            };
            var filled = percent / 5;
            var text = string.Format(CultureInfo.GetCultureInfo("es-CO"), "{0,-9} [{1}{2}] {3,3} % {4:N0} filas", label, new string('#', filled), new string('.', 20 - filled), percent, progress.RowsRead);
            if (_inPlace)
            {
                writer.Write("\r" + text);
                _drawn = true;
            }
            else if (percent / 10 != _lastTenth || progress.Stage != ImportStage.Reading)
            {
                _lastTenth = percent / 10;
                writer.WriteLine(text);
            }
        }

        public void Finish()
        {
            if (_drawn)
            {
                writer.WriteLine();
            }
        }
    }
}

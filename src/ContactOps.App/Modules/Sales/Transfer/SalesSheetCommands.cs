using System.CommandLine;
using System.Globalization;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales.Transfer;

/// <summary>`import sales …` and `export sales …`.</summary>
internal static class SalesSheetCommands
{
    /// <summary>`import sales --operation X --file F [--mapping M] [--sheet S] [--json]`: exit 2 when a row is rejected (nothing is imported then).</summary>
    public static Command Import(CliContext context)
    {
        var command = new Command("sales", "Importa una hoja de ventas existente (CSV o XLSX) a la operación; si alguna fila es rechazada no se importa nada.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var file = new Option<string>("--file") { Description = "Ruta del archivo CSV, TXT, TSV o XLSX", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Mapeo de columnas guardado (tipo sales)" };
        var sheet = new Option<string?>("--sheet") { Description = "Hoja del libro XLSX (por defecto la primera)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON con el resumen y las primeras 100 filas rechazadas" };
        command.Options.Add(operation);
        command.Options.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(sheet);
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
                var result = await scope.ServiceProvider.GetRequiredService<ImportSales>().HandleAsync(
                    new ImportSalesRequest(parse.GetValue(operation)!, stream, Path.GetFileName(path), parse.GetValue(mapping), parse.GetValue(sheet)), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var s = result.Value!;
                if (asJson)
                {
                    context.WriteJson(new
                    {
                        rows = s.Rows,
                        created = s.Created,
                        duplicates = s.Duplicates,
                        rejected = s.Rejected,
                        rejectedRows = s.RejectedRows.Select(r => new { line = r.Line, field = r.Field, reason = r.Reason }),
                    });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Filas: {0:N0} · creadas: {1:N0} · duplicadas: {2:N0} · rechazadas: {3:N0}", s.Rows, s.Created, s.Duplicates, s.Rejected));
                    foreach (var row in s.RejectedRows)
                    {
                        context.Out.WriteLine(string.Format(es, "  línea {0}: {1}{2}", row.Line, row.Field is null ? "" : row.Field + ": ", row.Reason));
                    }

                    if (s.Rejected > 0)
                    {
                        context.Out.WriteLine("No se importó ninguna venta: corrija las filas rechazadas y vuelva a importar el archivo.");
                    }
                }

                return s.Rejected > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>`export sales --operation X --from yyyy-MM-dd --to yyyy-MM-dd --format csv|xlsx --out F`.</summary>
    public static Command Export(CliContext context)
    {
        var command = new Command("sales", "Exporta la hoja de ventas de la operación (columnas en español) a CSV o XLSX.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var from = new Option<string>("--from") { Description = "Primera fecha de venta (AAAA-MM-DD, hora local del cliente)", Required = true };
        var to = new Option<string>("--to") { Description = "Última fecha de venta (AAAA-MM-DD, inclusive)", Required = true };
        var format = new Option<string>("--format") { Description = "csv o xlsx", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "Archivo de salida", Required = true };
        command.Options.Add(operation);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(from), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || !DateOnly.TryParseExact(parse.GetValue(to), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
            {
                return context.Fail(Error.Validation("export.date_invalid", "Las fechas van como AAAA-MM-DD (p. ej. 2026-11-01).", "from"), false);
            }

            var path = parse.GetValue(output)!;
            var kind = parse.GetValue(format) == "xlsx" ? SheetFormat.Xlsx : SheetFormat.Csv;
            await using var scope = context.CreateScope();
            var temp = path + ".partial";
            long rows;
            try
            {
                await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    var result = await scope.ServiceProvider.GetRequiredService<ExportSales>().HandleAsync(new ExportSalesRequest(parse.GetValue(operation)!, first, last, kind), stream, ct);
                    if (!result.IsSuccess)
                    {
                        return context.Fail(result.Error!, false);
                    }

                    rows = result.Value;
                }

                File.Move(temp, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                return context.Fail(Error.Validation("export.out_unwritable", $"No se puede escribir «{path}»: {ex.Message}", "out"), false);
            }
            finally
            {
                File.Delete(temp);
            }

            context.Out.WriteLine(string.Format(CultureInfo.GetCultureInfo("es-CO"), "{0:N0} filas escritas en {1}", rows, path));
            return ExitCodes.Ok;
        });
        return command;
    }
}

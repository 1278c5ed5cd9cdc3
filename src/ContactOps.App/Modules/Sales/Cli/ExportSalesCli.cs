using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales.Cli;

/// <summary>`export sales --operation X --from yyyy-MM-dd --to yyyy-MM-dd --format csv|xlsx --out F`.</summary>
internal static class ExportSalesCli
{
    public static Command Build(CliContext context)
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
                return context.Fail(Error.Invalid("from", "export.date_invalid"), false);
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
                return context.Fail(Error.Invalid("out", "export.out_unwritable", path, ex.Message), false);
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

using System.CommandLine;
using System.Globalization;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales.Reconciliation;

/// <summary>`reconcile sales --operation X --carrier-file F [--mapping M] [--key K] [--out cut.xlsx] [--json]`.</summary>
internal static class ReconcileSalesCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("sales", "Concilia las ventas de la operación con la hoja de ventas del operador y guarda el corte.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var file = new Option<string>("--carrier-file") { Description = "Hoja de ventas del operador (CSV, TXT, TSV o XLSX)", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "Mapeo de columnas guardado (tipo carrier-sales)" };
        var key = new Option<string?>("--key") { Description = "Llave de cruce (por defecto cuenta_o_linea,producto,fecha_venta; también id_llamada)" };
        var output = new Option<string?>("--out") { Description = "Escribe el corte (resumen y detalle) en este XLSX" };
        var json = new Option<bool>("--json") { Description = "Salida JSON con los conteos" };
        command.Options.Add(operation);
        command.Options.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(key);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return context.Fail(Error.Validation("reconcile.file_unreadable", $"No se puede leer el archivo «{path}»: {ex.Message}", "carrier-file"), asJson);
            }

            await using (stream)
            {
                await using var scope = context.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<ReconcileSales>();
                var result = await handler.HandleAsync(new ReconcileSalesRequest(parse.GetValue(operation)!, stream, Path.GetFileName(path), parse.GetValue(mapping), parse.GetValue(key)), ct);
                if (!result.IsSuccess)
                {
                    return context.Fail(result.Error!, asJson);
                }

                var c = result.Value!.Counts;
                if (parse.GetValue(output) is { } xlsx)
                {
                    await using var target = new FileStream(xlsx, FileMode.Create, FileAccess.Write);
                    var written = await scope.ServiceProvider.GetRequiredService<BrowseReconciliation>().WriteXlsxAsync(result.Value.CutId, target, ct);
                    if (!written.IsSuccess)
                    {
                        return context.Fail(written.Error!, asJson);
                    }
                }

                if (asJson)
                {
                    context.WriteJson(new { ours = c.Ours, carrier = c.Carrier, matched = c.Matched, missingAtCarrier = c.MissingAtCarrier, carrierOnly = c.CarrierOnly, mismatched = c.Mismatched });
                }
                else
                {
                    var es = CultureInfo.GetCultureInfo("es-CO");
                    context.Out.WriteLine(string.Format(es, "Corte {0}: nuestras {1:N0} · operador {2:N0} · coinciden {3:N0} · faltan en el operador {4:N0} · solo en el operador {5:N0} · difieren {6:N0}",
                        result.Value.CutId, c.Ours, c.Carrier, c.Matched, c.MissingAtCarrier, c.CarrierOnly, c.Mismatched));
                    context.Out.WriteLine(string.Format(es, "Llaves duplicadas: {0:N0} filas nuestras · {1:N0} filas del operador", c.DuplicateOurs, c.DuplicateCarrier));
                }

                return ExitCodes.Ok;
            }
        });
        return command;
    }
}

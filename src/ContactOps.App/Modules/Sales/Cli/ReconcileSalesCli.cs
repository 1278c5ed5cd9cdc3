using System.CommandLine;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales.Cli;

/// <summary>`reconcile sales --operation X --carrier-file F [--mapping M] [--key K] [--out cut.xlsx] [--json]`.</summary>
internal static class ReconcileSalesCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "sales", "Concilia las ventas de la operación con la hoja de ventas del operador y guarda el corte.", "Hoja de ventas del operador (CSV, TXT, TSV o XLSX)",
            jsonDescription: "Salida JSON con los conteos", fileOption: "--carrier-file", unreadableCode: "reconcile.file_unreadable");
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Mapeo de columnas guardado (tipo carrier-sales)" });
        var key = verb.Add(new Option<string?>("--key") { Description = "Llave de cruce (por defecto cuenta_o_linea,producto,fecha_venta; también id_llamada)" });
        var output = verb.Add(new Option<string?>("--out") { Description = "Escribe el corte (resumen y detalle) en este XLSX" });
        return verb.Handle<ReconcileSales, ReconcileSalesResult>(
            async (handler, run) =>
            {
                var result = await handler.HandleAsync(new ReconcileSalesRequest(run.Operation!, run.File, run.FileName, run.Get(mapping), run.Get(key)), run.Cancel);
                if (result.IsSuccess && run.Get(output) is { } xlsx)
                {
                    await using var target = new FileStream(xlsx, FileMode.Create, FileAccess.Write);
                    var written = await run.Services.GetRequiredService<BrowseReconciliation>().WriteXlsxAsync(result.Value!.CutId, target, run.Cancel);
                    if (!written.IsSuccess)
                    {
                        return written.Error!;
                    }
                }

                return result;
            },
            r => new FileImportOutput(
                new { ours = r.Counts.Ours, carrier = r.Counts.Carrier, matched = r.Counts.Matched, missingAtCarrier = r.Counts.MissingAtCarrier, carrierOnly = r.Counts.CarrierOnly, mismatched = r.Counts.Mismatched },
                FileImportVerb.Text(
                    "Corte {0}: nuestras {1:N0} · operador {2:N0} · coinciden {3:N0} · faltan en el operador {4:N0} · solo en el operador {5:N0} · difieren {6:N0}",
                    r.CutId, r.Counts.Ours, r.Counts.Carrier, r.Counts.Matched, r.Counts.MissingAtCarrier, r.Counts.CarrierOnly, r.Counts.Mismatched),
                [])
            {
                Notes = [FileImportVerb.Text("Llaves duplicadas: {0:N0} filas nuestras · {1:N0} filas del operador", r.Counts.DuplicateOurs, r.Counts.DuplicateCarrier)],
            });
    }
}

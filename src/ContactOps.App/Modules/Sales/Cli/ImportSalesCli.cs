using System.CommandLine;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;

namespace ContactOps.Modules.Sales.Cli;

/// <summary>`import sales --operation X --file F [--mapping M] [--sheet S] [--json]`: exit 2 when a row is rejected (nothing is imported then).</summary>
internal static class ImportSalesCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "sales", "Importa una hoja de ventas existente (CSV o XLSX) a la operación; si alguna fila es rechazada no se importa nada.", "Ruta del archivo CSV, TXT, TSV o XLSX",
            jsonDescription: "Salida JSON con el resumen y las primeras 100 filas rechazadas");
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Mapeo de columnas guardado (tipo sales)" });
        var sheet = verb.Add(new Option<string?>("--sheet") { Description = "Hoja del libro XLSX (por defecto la primera)" });
        return verb.Handle<ImportSales, ImportSummary>(
            (handler, run) => handler.HandleAsync(new ImportSalesRequest(run.Operation!, run.File, run.FileName, run.Get(mapping), run.Get(sheet)), run.Cancel),
            s => new FileImportOutput(
                new
                {
                    rows = s.Rows,
                    created = s.Created,
                    duplicates = s.Duplicates,
                    rejected = s.Rejected,
                    rejectedRows = s.RejectedRows.Select(r => new { line = r.Line, field = r.Field, reason = r.Reason }),
                },
                FileImportVerb.Text("Filas: {0:N0} · creadas: {1:N0} · duplicadas: {2:N0} · rechazadas: {3:N0}", s.Rows, s.Created, s.Duplicates, s.Rejected),
                s.RejectedRows) // no "… y N más" line: all or nothing, the rows listed are what to fix
            {
                Notes = s.Rejected > 0 ? ["No se importó ninguna venta: corrija las filas rechazadas y vuelva a importar el archivo."] : [],
                ExitCode = s.Rejected > 0 ? ExitCodes.BadInput : ExitCodes.Ok,
            });
    }
}

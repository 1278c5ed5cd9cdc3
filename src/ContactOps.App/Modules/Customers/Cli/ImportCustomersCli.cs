using System.CommandLine;
using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;

namespace ContactOps.Modules.Customers.Cli;

/// <summary>`import customers --operation X --file F [--mapping M] [--sheet S] [--rejects R] [--json]`.</summary>
internal static class ImportCustomersCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "customers", "Importa clientes desde un CSV o XLSX a la operación indicada (todo o nada).", "Ruta del archivo CSV, TXT, TSV o XLSX",
            operationDescription: "Código de la operación (los clientes son de su cliente/operador)",
            jsonDescription: "Salida JSON con el resumen y las primeras 100 filas rechazadas",
            rejectsOption: true);
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado para la operación" });
        var sheet = verb.Add(new Option<string?>("--sheet") { Description = "Hoja del libro XLSX (por defecto la primera)" });
        return verb.Handle<ImportCustomers, ImportSummary>(
            (handler, run) => handler.HandleAsync(
                new ImportCustomersRequest(run.Operation!, run.File, run.FileName, run.Get(mapping), run.Get(sheet)), run.Progress, run.Cancel),
            s => new FileImportOutput(
                new
                {
                    rows = s.Rows,
                    created = s.Created,
                    updated = s.Updated,
                    unchanged = s.Unchanged,
                    duplicates = s.Duplicates,
                    rejected = s.Rejected,
                    rejectedRows = s.RejectedRows.Select(r => new { line = r.Line, field = r.Field, reason = r.Reason }),
                },
                FileImportVerb.Text(
                    "Filas: {0:N0} · creados: {1:N0} · actualizados: {2:N0} · sin cambios: {3:N0} · duplicados: {4:N0} · rechazados: {5:N0}",
                    s.Rows, s.Created, s.Updated, s.Unchanged, s.Duplicates, s.Rejected),
                s.RejectedRows,
                s.Rejected,
                new ImportRejectsRef(s.BatchId, CustomerFileColumns.FileKind)));
    }
}

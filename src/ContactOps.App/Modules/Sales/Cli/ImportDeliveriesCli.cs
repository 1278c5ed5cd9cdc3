using System.CommandLine;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Sales.Cli;

/// <summary><c>import deliveries --operation &lt;code&gt; --file &lt;path&gt; [--mapping &lt;name&gt;] [--json]</c>.</summary>
internal static class ImportDeliveriesCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "deliveries", "Cruza el reporte de entregas del operador (CSV o XLSX) con las reservas de terminales de la operación.",
            "Ruta del reporte de entregas (CSV con ; o , en UTF-8 o Windows-1252, o XLSX)",
            jsonDescription: "Salida JSON {rows, updated, unmatched, rejected}");
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «deliveries»)" });
        return verb.Handle<ImportDeliveries, DeliveryImportSummary>(
            (handler, run) => handler.HandleAsync(new ImportDeliveriesRequest(run.Operation, run.File, run.FileName, run.Get(mapping)), run.Cancel),
            s => new FileImportOutput(
                new { rows = s.Rows, updated = s.Updated, unmatched = s.Unmatched, rejected = s.Rejected },
                FileImportVerb.Text(
                    "Reporte de entregas: filas {0:N0} · actualizadas {1:N0} · sin cambios {2:N0} · sin venta {3:N0} · rechazadas {4:N0} · entregadas {5:N0}",
                    s.Rows, s.Updated, s.Unchanged, s.Unmatched, s.Rejected, s.Delivered),
                s.RejectedRows.Select(r => r with { Field = null }).ToList()) // the report's rejected rows are listed by line and reason only
            {
                Notes = s.UnmatchedRows
                    .Select(r => FileImportVerb.Text("  línea {0}: sin venta para la reserva «{1}» / documento «{2}»", r.Line, r.ReservationNumber, r.Document))
                    .ToList(),
            });
    }
}

using System.CommandLine;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`import call-log --operation X --file F [--mapping generic|vicidial] [--rejects R] [--json]`: another dialer's call log.</summary>
internal static class ImportCallLogCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "call-log", "Carga el registro de llamadas de otro marcador (CSV, TXT, XLSX): intentos, estado de los leads y cifras por hora (todo o nada).", "Ruta del archivo",
            jsonDescription: "Salida JSON {rows, accepted, rejected}",
            rejectsOption: true);
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Formato del archivo: generic (por defecto) o vicidial" });
        return verb.Handle<ImportCallLog, CallLogImportSummary>(
            (handler, run) => handler.HandleAsync(new ImportCallLogRequest(run.Operation!, run.File, run.FileName, run.Get(mapping)), run.Cancel),
            s => new FileImportOutput(
                new { rows = s.Rows, accepted = s.Accepted, rejected = s.Rejected },
                FileImportVerb.Text(
                    "Registro de llamadas cargado ({0}): filas {1:N0} · aceptadas {2:N0} · rechazadas {3:N0} · leads actualizados {4:N0}",
                    s.Layout, s.Rows, s.Accepted, s.Rejected, s.Leads),
                s.RejectedRows.Select(r => r with { Field = null }).ToList(),
                s.Rejected,
                new ImportRejectsRef(s.ImportId, ImportCallLog.FileKind)));
    }
}

using System.CommandLine;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`import leads --operation X --file F [--mapping M] [--base B] [--password P] [--rejects R] [--json]`.</summary>
internal static class ImportLeadsCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "leads", "Carga una base de leads (CSV, XLSX o ZIP cifrado) en una operación saliente (todo o nada).", "Ruta del archivo CSV, TXT, XLSX o ZIP",
            jsonDescription: "Salida JSON {rows, accepted, rejected, duplicates, excluded}",
            rejectsOption: true);
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «leads»)" });
        var baseName = verb.Add(new Option<string?>("--base") { Description = "Nombre de la base (por defecto el nombre del archivo)" });
        var password = verb.Add(new Option<string?>("--password") { Description = "Contraseña del ZIP cifrado" });
        return verb.Handle<ImportLeads, LeadImportSummary>(
            (handler, run) => handler.HandleAsync(
                new ImportLeadsRequest(run.Operation!, run.File, run.FileName, run.Get(mapping), run.Get(baseName), run.Get(password)), run.Progress, run.Cancel),
            s => new FileImportOutput(
                new { rows = s.Rows, accepted = s.Accepted, rejected = s.Rejected, duplicates = s.Duplicates, excluded = s.Excluded },
                FileImportVerb.Text(
                    "Base «{0}»: filas {1:N0} · aceptadas {2:N0} · rechazadas {3:N0} · duplicadas {4:N0} · excluidas {5:N0}",
                    s.BaseName, s.Rows, s.Accepted, s.Rejected, s.Duplicates, s.Excluded),
                s.RejectedRows,
                Rejects: new ImportRejectsRef(s.BaseId, LeadFileColumns.FileKind)));
    }
}

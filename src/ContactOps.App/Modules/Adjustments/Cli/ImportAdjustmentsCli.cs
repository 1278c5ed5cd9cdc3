using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Adjustments.Cli;

/// <summary><c>import adjustments --operation &lt;code&gt; --file &lt;path&gt; [--cutoff &lt;yyyy-MM-dd&gt;] [--mapping &lt;name&gt;] [--json]</c>.</summary>
internal static class ImportAdjustmentsCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "adjustments", "Carga la base de ajustes del operador (ajustes_<corte>, XLSX o CSV) en una célula de ajustes.",
            "Ruta de la base (XLSX, o CSV con ; o , en UTF-8 o Windows-1252)",
            operationDescription: "Código de la operación (p. ej. adjustments-cell)",
            jsonDescription: "Salida JSON {rows, created, updated, unchanged, rejected}");
        var cutoff = verb.Add(new Option<string?>("--cutoff") { Description = "Fecha de corte aaaa-MM-dd (por defecto, la fecha del nombre del archivo)" });
        var mapping = verb.Add(new Option<string?>("--mapping") { Description = "Nombre del mapeo de columnas guardado (tipo «adjustments»)" });
        return verb.Handle<ImportAdjustments, AdjustmentImportSummary>(
            (handler, run) => handler.HandleAsync(
                new ImportAdjustmentsRequest(run.Operation, run.File, run.FileName, Cutoff(run.Get(cutoff)).Value, run.Get(mapping)), run.Cancel),
            s => new FileImportOutput(
                new { rows = s.Rows, created = s.Created, updated = s.Updated, unchanged = s.Unchanged, rejected = s.Rejected },
                FileImportVerb.Text(
                    "Base de ajustes, corte {0:yyyy-MM-dd}: filas {1:N0} · creados {2:N0} · actualizados {3:N0} · sin cambios {4:N0} · rechazados {5:N0}",
                    s.Cutoff, s.Rows, s.Created, s.Updated, s.Unchanged, s.Rejected),
                s.RejectedRows.Select(r => r with { Field = null }).ToList(), // listed by line and reason only
                s.Rejected),
            parse => Cutoff(parse.GetValue(cutoff)).Error);
    }

    /// <summary>The <c>--cutoff</c> date, null when not given, or the error for a date not written aaaa-MM-dd.</summary>
    private static Result<DateOnly?> Cutoff(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return (DateOnly?)null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Error.Invalid("cutoff", "adjustments.cutoff_invalid", text);
        }

        return (DateOnly?)parsed;
    }
}

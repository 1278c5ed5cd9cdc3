using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`import exclusions --country CO|BO --file F [--date AAAA-MM-DD] [--json]`: a country's national exclusion registry.</summary>
internal static class ImportExclusionsCli
{
    public static Command Build(CliContext context)
    {
        var verb = new FileImportVerb(
            context, "exclusions", "Carga el registro nacional de números excluidos de un país (reemplaza el anterior de forma atómica).", "Ruta del archivo (columnas teléfono y canales)",
            operationDescription: null,
            jsonDescription: "Salida JSON {rows, numbers, rejected}");
        var country = verb.Add(new Option<string>("--country") { Description = "País: CO o BO", Required = true });
        var date = verb.Add(new Option<string?>("--date") { Description = "Fecha del registro (AAAA-MM-DD), si se conoce" });
        return verb.Handle<ImportExclusions, ExclusionImportSummary>(
            (handler, run) => handler.HandleAsync(new ImportExclusionsRequest(run.Get(country)!, run.File, run.FileName, RegistryDate(run.Get(date))), run.Cancel),
            s => new FileImportOutput(
                new { rows = s.Rows, numbers = s.Numbers, rejected = s.Rejected },
                FileImportVerb.Text("Registro cargado: filas {0:N0} · números {1:N0} · rechazadas {2:N0}", s.Rows, s.Numbers, s.Rejected),
                s.RejectedRows.Select(r => r with { Field = null }).ToList()),
            parse => parse.GetValue(date) is { Length: > 0 } text && RegistryDate(text) is null
                ? Error.Invalid("date", "exclusions.date_invalid")
                : null);
    }

    private static DateOnly? RegistryDate(string? text) =>
        text is { Length: > 0 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}

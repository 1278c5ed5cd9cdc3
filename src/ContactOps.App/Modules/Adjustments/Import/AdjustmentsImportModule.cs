using System.CommandLine;
using System.Globalization;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports.Mappings;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Adjustments.Import;

/// <summary>The carrier's adjustments base (issue 6): `import adjustments`, the upload page and endpoint, history by cut.</summary>
public sealed class AdjustmentsImportModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ImportAdjustments>();
        services.AddScoped<ListAdjustmentCuts>();
        services.AddSingleton(new FileKindDefinition(AdjustmentFileColumns.FileKind, AdjustmentFileColumns.Aliases.Keys.ToArray(), []));
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var cuts = api.MapGroup("/adjustments/cuts").WithTags("Adjustments base");
        cuts.MapGet("/", async (string? operation, ListAdjustmentCuts handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(operation, ct: ct)))
            .WithSummary("The adjustments bases imported into an operation (?operation=), newest cut-off first, with their summaries")
            .Produces<IReadOnlyList<AdjustmentCutView>>();
        cuts.MapPost("/", async ([FromForm] string? operation, [FromForm] string? cutoff, [FromForm] string? mapping, IFormFile? file, ImportAdjustments handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("import.file_required", "Adjunte la base de ajustes (campo «file»).", "file"));
                }

                DateOnly? cut = null;
                if (!string.IsNullOrWhiteSpace(cutoff))
                {
                    if (!DateOnly.TryParseExact(cutoff.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return ApiResults.Problem(Error.Validation("adjustments.cutoff_invalid", $"Fecha de corte «{cutoff}» no válida: use aaaa-MM-dd.", "cutoff"));
                    }

                    cut = parsed;
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(
                    new ImportAdjustmentsRequest(operation, stream, file.FileName, cut, string.IsNullOrWhiteSpace(mapping) ? null : mapping.Trim()), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(256L << 20), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 256L << 20 })
            .WithSummary("Upload the carrier's adjustments base (multipart: operation, file, cutoff?, mapping?): rows, created, updated, unchanged, rejected (with lines)")
            .Produces<AdjustmentImportSummary>();
    }

    public void Register(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import");
        if (import is null)
        {
            import = new Command("import", "Importa archivos (CSV o XLSX)");
            root.Subcommands.Add(import);
        }

        import.Subcommands.Add(Cli.ImportAdjustmentsCommand.Build(context));
    }
}

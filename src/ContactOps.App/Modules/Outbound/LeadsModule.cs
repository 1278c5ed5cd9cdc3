using System.CommandLine;
using ContactOps.Modules.Outbound.Cli;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Outbound;

/// <summary>Lead bases, the exclusion registry and the internal do-not-call list (issue 4, "Lead bases").</summary>
public sealed class LeadsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import", "dnc"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<LeadFileVault>();
        services.AddScoped<ImportLeads>();
        services.AddScoped<ImportExclusions>();
        services.AddScoped<DoNotCallList>();
        services.AddScoped<LeadBases>();
        services.AddSingleton(new Platform.Imports.Mappings.FileKindDefinition(LeadFileColumns.FileKind, LeadFileColumns.Aliases.Keys.ToArray(), LeadFileColumns.MultiValued));
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var outbound = api.MapGroup("/outbound").WithTags("Outbound");
        var bases = outbound.MapGroup("/bases");
        bases.MapPost("/", async (
                [FromForm] string? operation,
                [FromForm] string? mapping,
                [FromForm(Name = "base")] string? baseName,
                [FromForm] string? password,
                IFormFile? file,
                ImportLeads handler,
                CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("import.file_required", "Adjunte el archivo (campo «file»).", "file"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(
                    new ImportLeadsRequest(operation ?? "", stream, file.FileName, Blank(mapping), Blank(baseName), Blank(password)), null, ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Upload a lead base (multipart: operation, file, mapping?, base?, password?): counts and the first rejected rows")
            .Produces<LeadImportSummary>();
        bases.MapGet("/", async (string? operation, LeadBases handler, CancellationToken ct) => ApiResults.From(await handler.ListAsync(operation, ct)))
            .WithSummary("Lead bases the caller manages, newest first, with their counts")
            .Produces<IReadOnlyList<LeadBaseItem>>();
        bases.MapPost("/{id:guid}/close", async (Guid id, LeadBases handler, CancellationToken ct) => ApiResults.From(await handler.CloseAsync(id, ct)))
            .WithSummary("Close a base (its leads are no longer dialled nor count as duplicates)")
            .Produces<LeadBaseItem>();
        bases.MapGet("/{id:guid}/file", async (Guid id, LeadBases handler, CancellationToken ct) =>
            {
                var result = await handler.DownloadAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, "application/octet-stream", result.Value.FileName) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The received file, decrypted (the read is audited)");
        bases.MapGet("/{id:guid}/rejected", async (Guid id, LeadBases handler, CancellationToken ct) =>
            {
                var result = await handler.RejectionsAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!, "text/csv; charset=utf-8", "rechazados.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The rejected rows of a base's import as CSV (linea;campo;motivo)");

        var dnc = outbound.MapGroup("/dnc");
        dnc.MapGet("/", async (string? operation, DoNotCallList list, CancellationToken ct) => ApiResults.From(await list.ListAsync(operation ?? "", ct)))
            .WithSummary("The operation's internal do-not-call list")
            .Produces<IReadOnlyList<DncItem>>();
        dnc.MapPost("/", async (DncRequest request, DoNotCallList list, CancellationToken ct) => ApiResults.From(await list.AddAsync(request.Operation ?? "", request.Phone ?? "", request.Reason, ct)))
            .WithSummary("Add a number to the operation's do-not-call list (idempotent)")
            .Produces<DncItem>();
        dnc.MapDelete("/", async (string? operation, string? phone, DoNotCallList list, CancellationToken ct) =>
            {
                var result = await list.RemoveAsync(operation ?? "", phone ?? "", ct);
                return result.IsSuccess ? Results.NoContent() : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Remove a number from the operation's do-not-call list");
    }

    public void Register(RootCommand root, CliContext context)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import");
        if (import is null)
        {
            import = new Command("import", "Importa archivos (CSV o XLSX)");
            root.Subcommands.Add(import);
        }

        import.Subcommands.Add(LeadsCommands.ImportLeads(context));
        import.Subcommands.Add(LeadsCommands.ImportExclusions(context));
        root.Subcommands.Add(LeadsCommands.Dnc(context));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Body of POST /api/v1/outbound/dnc.</summary>
public sealed record DncRequest(string? Operation, string? Phone, string? Reason);

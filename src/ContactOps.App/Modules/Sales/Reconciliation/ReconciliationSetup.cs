using System.CommandLine;
using ContactOps.Modules.Sales.Transfer;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports.Mappings;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Sales.Reconciliation;

/// <summary>Services, endpoints and CLI verbs of the sales sheet's import/export and the reconciliation with the carrier.</summary>
internal static class ReconciliationSetup
{
    public static readonly string[] TopLevelVerbs = ["import", "export", "reconcile"];

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ImportSales>();
        services.AddScoped<ExportSales>();
        services.AddScoped<ReconcileSales>();
        services.AddScoped<BrowseReconciliation>();
        services.AddScoped<SaleClaims>();
        var fields = SalesSheetColumns.Aliases.Keys.ToArray();
        services.AddSingleton(new FileKindDefinition(SalesSheetColumns.FileKind, fields, SalesSheetColumns.MultiValued));
        services.AddSingleton(new FileKindDefinition(SalesSheetColumns.CarrierFileKind, fields, SalesSheetColumns.MultiValued));
    }

    public static void MapEndpoints(RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales sheet");
        sales.MapPost("/imports", async ([FromForm] string? operation, [FromForm] string? mapping, [FromForm] string? sheet, IFormFile? file, ImportSales handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("import.file_required", "Adjunte el archivo (campo «file»).", "file"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(new ImportSalesRequest(operation ?? "", stream, file.FileName, Blank(mapping), Blank(sheet)), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(256L << 20), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 256L << 20 })
            .WithSummary("Import an existing sales sheet (multipart: operation, file, mapping?, sheet?); any rejected row → nothing imported")
            .Produces<Platform.Imports.ImportSummary>();
        sales.MapGet("/export", async (string? operation, DateOnly? from, DateOnly? to, string? format, ExportSales handler, HttpContext http, CancellationToken ct) =>
            {
                if (from is null || to is null)
                {
                    return ApiResults.Problem(Error.Validation("export.range_required", "Indique desde y hasta (AAAA-MM-DD).", "from"));
                }

                var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
                var buffer = new MemoryStream();
                var result = await handler.HandleAsync(new ExportSalesRequest(operation ?? "", from.Value, to.Value, xlsx ? SheetFormat.Xlsx : SheetFormat.Csv), buffer, ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                buffer.Position = 0;
                return Results.File(buffer, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", "ventas." + (xlsx ? "xlsx" : "csv"));
            })
            .WithSummary("The operation's sales sheet for sale dates from..to (CSV or XLSX, Spanish columns)");

        var recon = sales.MapGroup("/reconciliation").WithTags("Sales reconciliation");
        recon.MapPost("/", async ([FromForm] string? operation, [FromForm] string? mapping, [FromForm] string? key, IFormFile? file, ReconcileSales handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("reconcile.file_required", "Adjunte la hoja del operador (campo «file»).", "file"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(new ReconcileSalesRequest(operation ?? "", stream, file.FileName, Blank(mapping), Blank(key)), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Reconcile the carrier's sales sheet with the operation's sales (multipart: operation, file, mapping?, key?); persists a cut")
            .Produces<ReconcileSalesResult>();
        recon.MapGet("/cuts", async (string? operation, int? page, int? pageSize, BrowseReconciliation handler, CancellationToken ct) =>
                ApiResults.From(await handler.ListCutsAsync(Blank(operation), page, pageSize, ct)))
            .WithSummary("Reconciliation cuts, newest first")
            .Produces<Page<CutView>>();
        recon.MapGet("/cuts/{id:guid}", async (Guid id, BrowseReconciliation handler, CancellationToken ct) => ApiResults.From(await handler.GetCutAsync(id, ct)))
            .WithSummary("One cut with its counts")
            .Produces<CutView>();
        recon.MapGet("/cuts/{id:guid}/items", async (Guid id, ReconciliationCategory? category, bool? duplicates, int? page, int? pageSize, BrowseReconciliation handler, CancellationToken ct) =>
                ApiResults.From(await handler.ListItemsAsync(id, category, duplicates ?? false, page, pageSize, ct)))
            .WithSummary("The cut's result rows (category?, duplicates?), paged")
            .Produces<Page<ItemView>>();
        recon.MapGet("/cuts/{id:guid}/xlsx", async (Guid id, BrowseReconciliation handler, CancellationToken ct) =>
            {
                var buffer = new MemoryStream();
                var result = await handler.WriteXlsxAsync(id, buffer, ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                buffer.Position = 0;
                return Results.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "conciliacion-" + id.ToString("N")[..8] + ".xlsx");
            })
            .WithSummary("The cut as XLSX (summary and detail)");
        recon.MapPost("/cuts/{id:guid}/claims", async (Guid id, CreateClaimsRequest? request, SaleClaims handler, CancellationToken ct) =>
                ApiResults.From(await handler.CreateAsync(new CreateClaimsRequest(id, request?.ItemIds), ct)))
            .WithSummary("Raise claims from the cut's missing rows (all, or itemIds)")
            .Produces<IReadOnlyList<ClaimView>>();
        recon.MapGet("/cuts/{id:guid}/claims", async (Guid id, SaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.ListAsync(id, ct)))
            .WithSummary("The cut's claims")
            .Produces<IReadOnlyList<ClaimView>>();
        recon.MapPost("/claims/{id:guid}/send", async (Guid id, SendClaimRequest request, SaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.SendAsync(id, request, ct)))
            .WithSummary("Mark a claim sent to the carrier (reference?)")
            .Produces<ClaimView>();
        recon.MapPost("/claims/{id:guid}/answer", async (Guid id, AnswerClaimRequest request, SaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.AnswerAsync(id, request, ct)))
            .WithSummary("Record the carrier's answer to a claim (outcome Accepted|Rejected, answer)")
            .Produces<ClaimView>();
    }

    public static void Register(RootCommand root, CliContext context)
    {
        Verb(root, "import", "Importa archivos (CSV o XLSX)").Subcommands.Add(SalesSheetCommands.Import(context));
        Verb(root, "export", "Exporta datos a CSV o XLSX").Subcommands.Add(SalesSheetCommands.Export(context));
        Verb(root, "reconcile", "Concilia datos con los del operador").Subcommands.Add(ReconcileSalesCommand.Build(context));
    }

    /// <summary>The top-level verb another module may have added already (e.g. <c>import</c> by Customers), or a new one.</summary>
    private static Command Verb(RootCommand root, string name, string description)
    {
        var verb = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (verb is null)
        {
            verb = new Command(name, description);
            root.Subcommands.Add(verb);
        }

        return verb;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

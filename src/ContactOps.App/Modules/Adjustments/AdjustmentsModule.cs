using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Adjustments.Cli;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports.Mappings;
using ContactOps.Platform.Reporting;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Adjustments;

/// <summary>
/// The billing-adjustments cell (issue 6): queues, one adjustment's procedure as an explicit state machine, regulatory
/// clocks, causes and settings; the carrier's adjustments base (`import adjustments`, the upload page and endpoint, history
/// by cut); weekly coaching (top 5 by rejections, commitments, acknowledgements) and the cell's KPIs (`report adjustments-top`,
/// `report adjustments`, charts, XLSX). Endpoints under /api/v1/adjustments.
/// </summary>
public sealed class AdjustmentsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import", "report"];

    public void AddServices(IServiceCollection services)
    {
        // The workflow
        services.AddScoped<ListAdjustments>();
        services.AddScoped<ExportAdjustments>();
        services.AddScoped<GetAdjustment>();
        services.AddScoped<ActOnAdjustment>();
        services.AddScoped<ManageAdjustmentCauses>();
        services.AddScoped<ManageAdjustmentSettings>();

        // The adjustments base
        services.AddScoped<ImportAdjustments>();
        services.AddScoped<ListAdjustmentCuts>();
        services.AddSingleton(new FileKindDefinition(AdjustmentFileColumns.FileKind, AdjustmentFileColumns.Aliases.Keys.ToArray(), []));

        // Coaching and KPIs
        services.AddScoped<GetAdjustmentsKpis>();
        services.AddScoped<ListAdjustmentKpiRecords>();
        services.AddScoped<ExportAdjustmentsKpis>();
        services.AddScoped<GetCoachingTop>();
        services.AddScoped<WriteCoachingCommitment>();
        services.AddScoped<AcknowledgeCoaching>();
        services.AddScoped<ListMyCoaching>();
        services.AddScoped<IKpiProvider, AdjustmentsKpiProvider>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        MapWorkflow(api);
        MapCuts(api);
        MapReports(api);
    }

    public void Register(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        Verb(root, "import", "Importa archivos (CSV o XLSX)").Subcommands.Add(ImportAdjustmentsCli.Build(context));
        var report = Verb(root, "report", "Informes");
        report.Subcommands.Add(ReportAdjustmentsCli.Kpis(context));
        report.Subcommands.Add(ReportAdjustmentsCli.Top(context));
    }

    /// <summary>The queue, one adjustment and its actions, causes and settings.</summary>
    private static void MapWorkflow(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/adjustments").WithTags("Adjustments");
        g.MapGet("/", async ([AsParameters] AdjustmentQueueRequest request, ListAdjustments h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("The adjustments queue of an operation: counts per state, flagged/overdue PQR clocks, one page of rows (filters: state, cause, agent, clock, minAgeDays, dueBefore, assigned, q; sort due|age|state)")
            .Produces<AdjustmentQueue>();
        g.MapGet("/export", async ([AsParameters] ExportAdjustmentsRequest request, ExportAdjustments h, HttpContext http, CancellationToken ct) =>
                TableExportResults.From(await h.HandleAsync(request, ct), http))
            .WithSummary("The adjustments queue as a file (format=csv|xlsx, the list's filters and sort; headers in the user's language, local dates; at most 100,000 rows, X-Export-Capped when more)");
        g.MapGet("/{id:guid}", async (Guid id, GetAdjustment h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, ct)))
            .WithSummary("One adjustment: carrier values, history by cut, steps, clocks and the actions the caller may run").Produces<AdjustmentDetail>();
        g.MapPost("/{id:guid}/{action}", async (Guid id, string action, AdjustmentActionRequest request, ActOnAdjustment h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(id, action, request, ct)))
            .WithSummary("Run one action of the procedure (verify, escalate, answer, review, inform, accept, appeal, appeal-answer, assign, close); 409 when the state does not allow it or the version is stale")
            .Produces<AdjustmentDetail>();
        g.MapGet("/causes", async (string? operation, ManageAdjustmentCauses h, CancellationToken ct) => ApiResults.From(await h.ListAsync(operation, ct)))
            .WithSummary("The causes (A–M…) of an operation with the evidence each needs").Produces<IReadOnlyList<AdjustmentCauseInfo>>();
        g.MapPut("/causes/{letter}", async (string letter, string? operation, AdjustmentCauseRequest request, ManageAdjustmentCauses h, CancellationToken ct) => ApiResults.From(await h.SaveAsync(operation, letter, request, ct)))
            .WithSummary("Change a cause (name, evidence, active) or add a new letter (admins)").Produces<AdjustmentCauseInfo>();
        g.MapGet("/settings", async (string? operation, ManageAdjustmentSettings h, CancellationToken ct) => ApiResults.From(await h.GetAsync(operation, ct)))
            .WithSummary("The cell's settings: PQR destination, business-day counts, retry policy").Produces<AdjustmentSettingsView>();
        g.MapPut("/settings", async (string? operation, AdjustmentSettingsRequest request, ManageAdjustmentSettings h, CancellationToken ct) => ApiResults.From(await h.SaveAsync(operation, request, ct)))
            .WithSummary("Change the cell's settings (admins)").Produces<AdjustmentSettingsView>();
    }

    /// <summary>The carrier's adjustments bases: /api/v1/adjustments/cuts.</summary>
    private static void MapCuts(RouteGroupBuilder api)
    {
        var cuts = api.MapGroup("/adjustments/cuts").WithTags("Adjustments base");
        cuts.MapGet("/", async (string? operation, ListAdjustmentCuts handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(operation, ct: ct)))
            .WithSummary("The adjustments bases imported into an operation (?operation=), newest cut-off first, with their summaries")
            .Produces<IReadOnlyList<AdjustmentCutView>>();
        cuts.MapPost("/", async ([FromForm] string? operation, [FromForm] string? cutoff, [FromForm] string? mapping, IFormFile? file, ImportAdjustments handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required"));
                }

                DateOnly? cut = null;
                if (!string.IsNullOrWhiteSpace(cutoff))
                {
                    if (!DateOnly.TryParseExact(cutoff.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return ApiResults.Problem(Error.Invalid("cutoff", "adjustments.cutoff_invalid", cutoff));
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

    /// <summary>KPIs (JSON, drill-down, XLSX) and weekly coaching.</summary>
    private static void MapReports(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/adjustments").WithTags("Adjustments reports");
        group.MapGet("/kpis", async (string? operation, string? from, string? to, string? agent, GetAdjustmentsKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct)))
            .WithSummary("The cell's KPIs over the records of the period's cuts: ?operation=&from=yyyy-MM-dd&to=yyyy-MM-dd&agent=")
            .Produces<AdjustmentsKpis>();
        group.MapGet("/kpis/detail", async (string? operation, string? from, string? to, string? agent, GetAdjustmentsKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.DetailAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct)))
            .WithSummary("The KPIs plus the breakdowns by ISO week and by cause (what the KPI page charts)")
            .Produces<AdjustmentsKpiDetail>();
        group.MapGet("/kpis/records", async ([Microsoft.AspNetCore.Http.AsParameters] AdjustmentKpiRecordsRequest request, ListAdjustmentKpiRecords handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Drill-down: the period's records, ?operation=&from=&to=&agent=&cause=&week=&flag=rejected|corrected|applied&page=&pageSize=")
            .Produces<Page<AdjustmentKpiRecord>>();
        group.MapGet("/kpis.xlsx", async (string? operation, string? from, string? to, string? agent, ExportAdjustmentsKpis handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct);
                return result.IsSuccess
                    ? Results.File(result.Value.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.Value.FileName)
                    : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The KPIs as XLSX: Resumen, Por asesor, Por semana, Por causal, Registros");

        var coaching = group.MapGroup("/coaching");
        coaching.MapGet("/top", async (string? operation, string? week, GetCoachingTop handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new CoachingTopRequest(operation, week), ct)))
            .WithSummary("The week's top 5 front agents by rejections (?operation=&week=yyyy-Www), reasons, causes, coaching status and improvement")
            .Produces<CoachingTop>();
        coaching.MapPost("/", async (WriteCoachingCommitmentRequest request, WriteCoachingCommitment handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Write the improvement commitment for an agent of a week's top 5 (supervisor, coordinator, manager)")
            .Produces<CoachingView>();
        coaching.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeCoaching handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("The agent's «estoy enterado» (only the coached agent, once)")
            .Produces<CoachingView>();
        coaching.MapGet("/mine", async (ListMyCoaching handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(ct)))
            .WithSummary("The caller's own coaching records across the operations of their clients, with improvement tracking")
            .Produces<IReadOnlyList<CoachingView>>();
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
}

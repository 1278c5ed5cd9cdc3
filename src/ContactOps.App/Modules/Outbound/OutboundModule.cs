using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Cli;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Outbound campaigns (PROCEDURES §3, steps 1–7): lead bases and exclusion lists, segmentation, the contact policy,
/// the dialer engine with its pacers and telephony gateway, the agent's outbound desk and the supervisor's floor, call
/// logs of another dialer, the hourly figures and reports, the carrier's daily management report and the wallboard.
/// Its services, its API under /api/v1/outbound, its SignalR hub and its verbs (<c>dialer</c>, <c>import leads|exclusions|call-log</c>,
/// <c>dnc</c>, <c>contact-policy</c>, <c>stats</c>, <c>report kpis|hourly|management</c>, <c>export dialer-list</c>).
/// </summary>
public sealed class OutboundModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["dialer", "import", "dnc", "contact-policy", "stats", "report", "export"];

    public void AddServices(IServiceCollection services)
    {
        // Contact policy, campaign settings, segmentation, the diagnosis and the hopper.
        services.AddScoped<ContactPolicy>();
        services.AddScoped<IContactPolicy>(sp => sp.GetRequiredService<ContactPolicy>());
        services.AddScoped<CheckContactPolicy>();
        services.AddScoped<EditCampaignSettings>();
        services.AddScoped<ManageSegments>();
        services.AddScoped<DiagnoseInventory>();
        services.AddSingleton<Hopper>();
        services.AddSingleton<IDialerLeadSource>(sp => sp.GetRequiredService<Hopper>());

        // The live dialer: the floor (singleton + hosted resume) and the default telephony gateway (the simulator).
        // A PBX gateway registered before this (or replacing it by configuration) wins.
        services.TryAddSingleton<ITelephonyGateway, SimulatedTelephonyGateway>();
        services.TryAddSingleton<IPacerFactory, PacerFactory>();
        services.TryAddSingleton<OutboundFloor>();
        services.TryAddSingleton<IOutboundFloor>(sp => sp.GetRequiredService<OutboundFloor>());
        services.AddHostedService<OutboundFloorHost>();

        // The agent's desk and the supervisor's floor.
        services.AddSingleton<AgentPresence>();
        services.AddScoped<AgentDesk>();
        services.AddScoped<GetDesk>();
        services.AddScoped<JoinCampaign>();
        services.AddScoped<ChangeAgentState>();
        services.AddScoped<TakeNextLead>();
        services.AddScoped<StartDeskCall>();
        services.AddScoped<EndDeskCall>();
        services.AddScoped<RecordDisposition>();
        services.AddScoped<OutboundFloorView>();
        services.AddSingleton<DialerStatus>();
        services.AddScoped<GetOutboundFloor>();
        services.AddScoped<ExportOutboundFloor>();
        services.AddScoped<StartDialer>();
        services.AddScoped<StopDialer>();
        services.AddSingleton<WrapUpDefaults>();
        services.AddHostedService<WrapUpSweep>();
        services.AddHostedService<OutboundHubRelay>();

        // Lead bases, the exclusion registry and the internal do-not-call list.
        services.AddScoped<LeadFileVault>();
        services.AddScoped<GetCallLogRejections>();
        services.AddScoped<ImportLeads>();
        services.AddScoped<ImportExclusions>();
        services.AddScoped<ManageDoNotCallList>();
        services.AddScoped<ListLeadBases>();
        services.AddScoped<CloseLeadBase>();
        services.AddScoped<DownloadLeadBaseFile>();
        services.AddScoped<GetLeadBaseRejections>();
        services.AddSingleton(new Platform.Imports.Mappings.FileKindDefinition(LeadFileColumns.FileKind, LeadFileColumns.Aliases.Keys.ToArray(), LeadFileColumns.MultiValued));

        // The operation's numbers: hourly pre-aggregation, KPI and hour-by-hour reports, goals.
        services.AddSingleton<ISaveChangesInterceptor, OutboundStatsInterceptor>();
        services.AddScoped<RebuildStats>();
        services.AddScoped<IOutboundReports, OutboundReports>();
        services.AddScoped<GetOutboundKpis>();
        services.AddScoped<GetOutboundHourly>();
        services.AddScoped<ListOutboundAttempts>();
        services.AddScoped<EditSalesGoals>();
        services.AddScoped<Platform.Reporting.IKpiProvider, OutboundKpiProvider>();

        // Call logs of another dialer and the dialable leads for it.
        services.AddScoped<ImportCallLog>();
        services.AddScoped<ExportDialerList>();

        // The carrier's daily management report: layout, daily schedule (Quartz.NET), kept runs.
        services.AddScoped<GenerateManagementReport>();
        services.AddScoped<ListManagementRuns>();
        services.AddScoped<DownloadManagementRun>();
        services.AddScoped<EditManagementLayout>();
        services.AddSingleton<QuartzManagementSchedule>();
        services.AddSingleton<IManagementSchedule>(sp => sp.GetRequiredService<QuartzManagementSchedule>());
        // A name per process: several hosts in one process (tests) never share an in-memory scheduler. A clustered
        // store (docs/operations.md) needs one fixed name on every node instead.
        services.AddQuartz(
            [new KeyValuePair<string, string?>("quartz.scheduler.instanceName", "contactops-" + Guid.NewGuid().ToString("N")[..12])],
            q => q.UseInMemoryStore());
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ManagementScheduleStartup>();

        // The live wallboard.
        services.AddScoped<GetWallboard>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var outbound = api.MapGroup("/outbound").WithTags("Outbound");
        MapPolicy(outbound);
        MapDesk(outbound);
        MapLeads(outbound);
        MapStats(outbound);
        MapCallLogs(outbound);
        MapManagement(api.MapGroup("/outbound/management").WithTags("Outbound"));
    }

    public void Register(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(DialerSimulateCli.Build(context));
        var import = Verb(root, "import", "Importa archivos (CSV o XLSX)");
        import.Subcommands.Add(ImportLeadsCli.Build(context));
        import.Subcommands.Add(ImportExclusionsCli.Build(context));
        root.Subcommands.Add(DncCli.Build(context));
        root.Subcommands.Add(ContactPolicyCli.Build(context));
        root.Subcommands.Add(StatsRebuildCli.Build(context));
        var report = Verb(root, "report", "Informes");
        report.Subcommands.Add(ReportKpisCli.Build(context));
        report.Subcommands.Add(ReportHourlyCli.Build(context));
        import.Subcommands.Add(ImportCallLogCli.Build(context));
        Verb(root, "export", "Exporta archivos").Subcommands.Add(ExportDialerListCli.Build(context));
        report.Subcommands.Add(ReportManagementCli.Build(context));
    }

    /// <summary>The live hub for softphones and other clients (authorized), at <see cref="OutboundHub.Path"/>.</summary>
    public static void MapHub(IEndpointRouteBuilder app) => app.MapHub<OutboundHub>(OutboundHub.Path).RequireAuthorization();

    /// <summary>A top-level verb group shared with other modules (<c>import</c>, <c>report</c>, <c>export</c>): found, or added.</summary>
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

    /// <summary>The contact policy, the campaign settings, segmentation and the diagnosis.</summary>
    private static void MapPolicy(RouteGroupBuilder outbound)
    {
        outbound.MapGet("/policy/check", async (string? operation, string? phone, string? at, CheckContactPolicy h, CancellationToken ct) =>
                ApiResults.From(await h.HandleAsync(new CheckContactPolicyRequest(operation, phone, at), ct)))
            .WithSummary("May this phone be called by the operation at this instant? {allowed, reasons[]} (stable reason codes; the check is logged)")
            .Produces<CheckContactPolicyResponse>();
        outbound.MapGet("/campaign", async (string? operation, EditCampaignSettings h, CancellationToken ct) => ApiResults.From(await h.GetAsync(operation, ct)))
            .WithSummary("The operation's campaign settings (country preset when never edited)")
            .Produces<CampaignSettingsDto>();
        outbound.MapPut("/campaign", async (string? operation, CampaignSettingsDto body, EditCampaignSettings h, CancellationToken ct) => ApiResults.From(await h.UpdateAsync(operation, body, ct)))
            .WithSummary("Edit the campaign settings (supervisor, coordinator, manager)")
            .Produces<CampaignSettingsDto>();
        outbound.MapGet("/segments", async (string? operation, ManageSegments h, CancellationToken ct) => ApiResults.From(await h.ListAsync(operation, ct)))
            .WithSummary("The operation's segments in priority order")
            .Produces<List<SegmentDto>>();
        outbound.MapPut("/segments", async (string? operation, List<SegmentDto> body, ManageSegments h, CancellationToken ct) => ApiResults.From(await h.SaveAsync(operation, body, ct)))
            .WithSummary("Replace the operation's segments (the active segments' mix must add up to 100)")
            .Produces<List<SegmentDto>>();
        outbound.MapPost("/segments/preview", async (string? operation, List<SegmentDto> body, ManageSegments h, CancellationToken ct) => ApiResults.From(await h.PreviewAsync(operation, body, ct)))
            .WithSummary("Counts per segment for unsaved rules (live preview)")
            .Produces<SegmentPreview>();
        outbound.MapPost("/segments/apply", async (string? operation, ManageSegments h, CancellationToken ct) => ApiResults.From(await h.ApplyAsync(operation, ct)))
            .WithSummary("Store each lead's segment on the open bases")
            .Produces<ApplySegmentationResult>();
        outbound.MapGet("/diagnosis", async (string? operation, string? at, DiagnoseInventory h, CancellationToken ct) =>
            {
                DateTimeOffset? instant = null;
                if (!string.IsNullOrWhiteSpace(at))
                {
                    if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !Platform.Calendar.PlausibleDates.Contains(parsed))
                    {
                        return ApiResults.Problem(Error.Invalid("at", "diagnosis.at_invalid"));
                    }

                    instant = parsed;
                }

                return ApiResults.From(await h.HandleAsync(operation, instant, ct));
            })
            .WithSummary("Dialable-inventory diagnosis: per segment, dialable now and why the rest is not")
            .Produces<InventoryDiagnosis>();
    }

    /// <summary>The desk (/desk) and the floor (/floor); operation: code or id, query.</summary>
    private static void MapDesk(RouteGroupBuilder outbound)
    {
        var desk = outbound.MapGroup("/desk").WithTags("Outbound desk");
        desk.MapGet("/", async (string? operation, GetDesk h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("The agent's desk: state, pending call and lead (history, script), dispositions, pause reasons, callbacks").Produces<DeskView>();
        desk.MapPost("/join", async (string? operation, JoinCampaign h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("Join the campaign (on the floor, not ready yet)").Produces<DeskView>();
        desk.MapPost("/ready", async (string? operation, ChangeAgentState h, CancellationToken ct) => ApiResults.From(await h.ReadyAsync(operation, ct)))
            .WithSummary("Ready for calls (refused while an attempt lacks its disposition)").Produces<DeskView>();
        desk.MapPost("/pause", async (string? operation, PauseRequest request, ChangeAgentState h, CancellationToken ct) => ApiResults.From(await h.PauseAsync(operation, request.ReasonCode, ct)))
            .WithSummary("Pause with one of the campaign's reason codes").Produces<DeskView>();
        desk.MapPost("/logout", async (string? operation, ChangeAgentState h, CancellationToken ct) => ApiResults.From(await h.LogoutAsync(operation, ct)))
            .WithSummary("Leave the campaign").Produces<DeskView>();
        desk.MapPost("/next", async (string? operation, TakeNextLead h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("Preview mode: take the next lead from the hopper (due callbacks first)").Produces<DeskView>();
        desk.MapPost("/calls", async (string? operation, StartCallRequest request, StartDeskCall h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, request, ct)))
            .WithSummary("Preview mode: the agent dialled the lead's phone (checked against the contact policy as a manual call)").Produces<DeskView>();
        desk.MapPost("/calls/end", async (string? operation, EndDeskCall h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("End (hang up) the agent's call: wrap-up starts").Produces<DeskView>();
        desk.MapPost("/dispositions", async (string? operation, DeskDispositionRequest request, RecordDisposition h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, request, ct)))
            .WithSummary("Disposition of the agent's attempt (callback: callbackAt + callbackForMe; sale: sale with identityValidated)").Produces<DeskView>();
        desk.MapGet("/callbacks", async (string? operation, GetDesk h, CancellationToken ct) =>
            {
                var view = await h.HandleAsync(operation, ct);
                return view.IsSuccess ? Results.Ok(view.Value!.Callbacks) : ApiResults.Problem(view.Error!);
            })
            .WithSummary("The agent's pending callbacks (theirs and anyone's)").Produces<IReadOnlyList<CallbackView>>();

        var floor = outbound.MapGroup("/floor").WithTags("Outbound floor");
        floor.MapGet("/", async (string? operation, GetOutboundFloor h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("The campaign's live floor (supervisors)").Produces<FloorView>();
        floor.MapGet("/export", async ([Microsoft.AspNetCore.Http.AsParameters] ExportOutboundFloorRequest request, ExportOutboundFloor h, HttpContext http, CancellationToken ct) =>
                TableExportResults.From(await h.HandleAsync(request, ct), http))
            .WithSummary("The floor's agents table as a file (format=csv|xlsx): state, since (local time), time in state, over the limit, phone; headers in the user's language");
        floor.MapPost("/start", async (string? operation, StartDialer h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("Start the dialer (automatic modes)").Produces<FloorView>();
        floor.MapPost("/stop", async (string? operation, StopDialer h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, ct)))
            .WithSummary("Stop the dialer").Produces<FloorView>();
    }

    /// <summary>Lead bases (/bases) and the internal do-not-call list (/dnc).</summary>
    private static void MapLeads(RouteGroupBuilder outbound)
    {
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
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required#2"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(
                    new ImportLeadsRequest(operation ?? "", stream, file.FileName, Blank(mapping), Blank(baseName), Blank(password)), null, ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Upload a lead base (multipart: operation, file, mapping?, base?, password?): counts and the first rejected rows")
            .Produces<LeadImportSummary>();
        bases.MapGet("/", async (string? operation, ListLeadBases handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(operation, ct)))
            .WithSummary("Lead bases the caller manages, newest first, with their counts")
            .Produces<IReadOnlyList<LeadBaseItem>>();
        bases.MapPost("/{id:guid}/close", async (Guid id, CloseLeadBase handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("Close a base (its leads are no longer dialled nor count as duplicates)")
            .Produces<LeadBaseItem>();
        bases.MapGet("/{id:guid}/file", async (Guid id, DownloadLeadBaseFile handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, "application/octet-stream", result.Value.FileName) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The received file, decrypted (the read is audited)");
        bases.MapGet("/{id:guid}/rejected", async (Guid id, GetLeadBaseRejections handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!, "text/csv; charset=utf-8", "rechazados.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The rejected rows of a base's import as CSV (linea;campo;motivo)");

        var dnc = outbound.MapGroup("/dnc");
        dnc.MapGet("/", async (string? operation, ManageDoNotCallList list, CancellationToken ct) => ApiResults.From(await list.ListAsync(operation ?? "", ct)))
            .WithSummary("The operation's internal do-not-call list")
            .Produces<IReadOnlyList<DncItem>>();
        dnc.MapPost("/", async (DncRequest request, ManageDoNotCallList list, CancellationToken ct) => ApiResults.From(await list.AddAsync(request.Operation ?? "", request.Phone ?? "", request.Reason, ct)))
            .WithSummary("Add a number to the operation's do-not-call list (idempotent)")
            .Produces<DncItem>();
        dnc.MapDelete("/", async (string? operation, string? phone, ManageDoNotCallList list, CancellationToken ct) =>
            {
                var result = await list.RemoveAsync(operation ?? "", phone ?? "", ct);
                return result.IsSuccess ? Results.NoContent() : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Remove a number from the operation's do-not-call list");
    }

    /// <summary>Reports (/reports/kpis, /reports/hourly), the attempts behind a figure and the sales goals.</summary>
    private static void MapStats(RouteGroupBuilder outbound)
    {
        var reports = outbound.MapGroup("/reports");
        reports.MapGet("/kpis", async (string? operation, string? from, string? to, string? team, string? agent, GetOutboundKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new OutboundKpisRequest(operation, from, to, team, agent), ct)))
            .WithSummary("The outbound KPIs of a period (local dates inclusive), from the hourly pre-aggregated figures")
            .Produces<OutboundKpis>();
        reports.MapGet("/hourly", async (string? operation, string? date, string? format, GetOutboundHourly handler, CancellationToken ct) =>
            {
                if (!string.IsNullOrWhiteSpace(format) && format is not ("json" or "csv"))
                {
                    return ApiResults.Problem(Error.Invalid("format", "report.format"));
                }

                var result = await handler.HandleAsync(new OutboundHourlyRequest(operation, date), ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                return format == "csv"
                    ? Results.Text(GetOutboundHourly.Csv(result.Value!), "text/csv; charset=utf-8")
                    : Results.Json(GetOutboundHourly.Json(result.Value!));
            })
            .WithSummary("The hour-by-hour report of one local date (format json or csv)");

        outbound.MapGet("/attempts", async ([AsParameters] AttemptsQuery q, ListOutboundAttempts handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(q.Request, ct)))
            .WithSummary("Raw call attempts behind an outbound figure (operation, from, to, agent?, team?, flag?, hour?; paged)")
            .Produces<Page<OutboundAttemptItem>>();
        outbound.MapGet("/attempts.csv", async ([AsParameters] AttemptsQuery q, ListOutboundAttempts handler, CancellationToken ct) =>
            {
                var result = await handler.CsvAsync(q.Request, ct);
                return result.IsSuccess ? Results.File(System.Text.Encoding.UTF8.GetBytes(result.Value!), "text/csv; charset=utf-8", "intentos.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The same attempts as CSV");
        outbound.MapGet("/goals", async (string? operation, string? from, string? to, EditSalesGoals handler, CancellationToken ct) =>
                ApiResults.From(await handler.GetAsync(operation, from, to, ct)))
            .WithSummary("The operation's weekday sales goals and the per-date goals of a period")
            .Produces<SalesGoalsView>();
        outbound.MapPut("/goals", async (SalesGoalsUpdate body, EditSalesGoals handler, CancellationToken ct) =>
                ApiResults.From(await handler.SaveAsync(body, ct)))
            .WithSummary("Save weekday goals and per-date overrides (a null goal removes the override)")
            .Produces<SalesGoalsView>();
    }

    /// <summary>Another dialer's call logs in (/call-logs) and the dialable leads out (/dialer-list).</summary>
    private static void MapCallLogs(RouteGroupBuilder outbound)
    {
        outbound.MapPost("/call-logs", async (
                [FromForm] string? operation,
                [FromForm] string? mapping,
                IFormFile? file,
                ImportCallLog handler,
                CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required#2"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(new ImportCallLogRequest(operation ?? "", stream, file.FileName, mapping), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Upload another dialer's call log (multipart: operation, file, mapping=generic|vicidial): counts and the first rejected rows with their lines")
            .Produces<CallLogImportSummary>();
        outbound.MapGet("/call-logs/{id:guid}/rejected", async (Guid id, GetCallLogRejections handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!, "text/csv; charset=utf-8", "rechazados.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The rejected rows of a call-log import as CSV (linea;campo;motivo)");
        outbound.MapGet("/dialer-list", async (string? operation, string? segment, string? format, ExportDialerList handler, CancellationToken ct) =>
            {
                var request = new ExportDialerListRequest(operation ?? "", segment ?? "", format ?? "csv");
                var prepared = await handler.PrepareAsync(request, ct);
                if (!prepared.IsSuccess)
                {
                    return ApiResults.Problem(prepared.Error!);
                }

                var buffer = new MemoryStream();
                var result = await handler.WriteAsync(request, buffer, ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                buffer.Position = 0;
                var summary = result.Value!;
                return Results.File(buffer, "text/csv; charset=utf-8", summary.Format == "vicidial" ? "lista-vicidial.csv" : "lista-marcacion.csv");
            })
            .WithSummary("The dialable leads of a segment now (contact policy applied), as VICIdial's lead-loader layout or our CSV (format=vicidial|csv)");
    }

    /// <summary>The daily management report: kept runs, downloads, the carrier's layout and schedule.</summary>
    private static void MapManagement(RouteGroupBuilder group)
    {
        group.MapGet("/runs", async (string? operation, int? take, ListManagementRuns runs, CancellationToken ct) => ApiResults.From(await runs.HandleAsync(operation, take ?? 100, ct)))
            .WithSummary("The kept daily management reports of an operation, newest first")
            .Produces<IReadOnlyList<ManagementRunItem>>();
        group.MapPost("/runs", async (GenerateManagementBody body, GenerateManagementReport handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new ManagementReportRequest(body.Operation, body.Date, body.BaseId, body.Format), ManagementTrigger.User, ct)))
            .WithSummary("Generate the management report now (leads' state at the end of the local date) and keep it")
            .Produces<ManagementRunItem>();
        group.MapGet("/runs/{id:guid}/file", async (Guid id, DownloadManagementRun download, CancellationToken ct) =>
            {
                var result = await download.HandleAsync(id, ct);
                return result.IsSuccess ? Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Download a kept management report (the download is audited)");
        group.MapGet("/layout", async (string? operation, EditManagementLayout layouts, CancellationToken ct) => ApiResults.From(await layouts.GetAsync(operation, ct)))
            .WithSummary("The operation's carrier layout (columns, headers, format) and daily schedule")
            .Produces<ManagementLayoutView>();
        group.MapPut("/layout", async (SaveManagementLayoutRequest body, EditManagementLayout layouts, CancellationToken ct) => ApiResults.From(await layouts.SaveAsync(body, ct)))
            .WithSummary("Save the operation's carrier layout and daily schedule (HH:mm in the client's zone, or null)")
            .Produces<ManagementLayoutView>();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

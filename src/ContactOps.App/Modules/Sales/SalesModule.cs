using System.CommandLine;
using ContactOps.Modules.Sales.Cli;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Imports.Mappings;
using ContactOps.Platform.Reporting;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Sales;

/// <summary>
/// The sales sheet and the sales-cell back office, sale attachments and the monthly legalization, the sheet's import/export
/// and the reconciliation with the carrier, and the back office for device sales (issue 5: confirmation call, credit check,
/// reservation, delivery tracking from the carrier's report, legalization once delivered). Endpoints under /api/v1/sales,
/// /api/v1/clients/{client}/legalization-layouts and /api/v1/devices; CLI <c>import sales|deliveries</c>, <c>export sales</c>,
/// <c>reconcile sales</c>, <c>legalize</c>.
/// </summary>
public sealed class SalesModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import", "export", "reconcile", "legalize"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<IKpiProvider, SalesKpiProvider>();
        services.AddScoped<IKpiProvider, ReconciliationKpiProvider>();

        // The sales sheet and the back office
        services.AddScoped<RegisterSale>();
        services.AddScoped<GetSale>();
        services.AddScoped<ListSales>();
        services.AddScoped<ExportBackOfficeQueue>();
        services.AddScoped<RecordSaleStep>();
        services.AddScoped<ChangeSaleState>();
        services.AddScoped<MarkSaleAccount>();
        services.AddScoped<ClaimSale>();
        services.AddScoped<AssignSale>();
        services.AddScoped<ListSaleAssignees>();
        services.AddScoped<SetSaleFollowUp>();
        services.AddScoped<ListChecklists>();
        services.AddScoped<SaveChecklist>();

        // Import/export of the sheet and the reconciliation with the carrier
        services.AddScoped<ImportSales>();
        services.AddScoped<ExportSales>();
        services.AddScoped<ReconcileSales>();
        services.AddScoped<BrowseReconciliation>();
        services.AddScoped<ManageSaleClaims>();
        var fields = SalesSheetColumns.Aliases.Keys.ToArray();
        services.AddSingleton(new FileKindDefinition(SalesSheetColumns.FileKind, fields, SalesSheetColumns.MultiValued));
        services.AddSingleton(new FileKindDefinition(SalesSheetColumns.CarrierFileKind, fields, SalesSheetColumns.MultiValued));

        // Attachments and legalization
        services.AddSingleton<AttachmentLimits>();
        services.AddScoped<UploadSaleAttachment>();
        services.AddScoped<ListSaleAttachments>();
        services.AddScoped<DownloadSaleAttachment>();
        services.AddScoped<LegalizationPlanner>();
        services.AddScoped<RunLegalization>();
        services.AddScoped<BrowseLegalizationRuns>();
        services.AddScoped<ConfigureLegalizationLayout>();

        // Device back office
        services.AddScoped<GetDeviceSale>();
        services.AddScoped<ListDeviceQueue>();
        services.AddScoped<RecordDeviceConfirmation>();
        services.AddScoped<RecordCreditCheck>();
        services.AddScoped<ReserveDevice>();
        services.AddScoped<RecordDeliveryState>();
        services.AddScoped<ImportDeliveries>();
        services.AddScoped<LegalizeDeviceSale>();
        services.AddScoped<ManageDeviceSettings>();
        services.AddSingleton(new FileKindDefinition(DeliveryReportColumns.FileKind, DeliveryReportColumns.Aliases.Keys.ToArray(), []));
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        MapSalesSheet(api);
        MapTransferAndReconciliation(api);
        MapAttachmentsAndLegalization(api);
        MapDevices(api);
    }

    public void Register(RootCommand root, CliContext context)
    {
        var import = Verb(root, "import", "Importa archivos (CSV o XLSX)");
        import.Subcommands.Add(ImportSalesCli.Build(context));
        import.Subcommands.Add(ImportDeliveriesCli.Build(context));
        Verb(root, "export", "Exporta datos a CSV o XLSX").Subcommands.Add(ExportSalesCli.Build(context));
        Verb(root, "reconcile", "Concilia datos con los del operador").Subcommands.Add(ReconcileSalesCli.Build(context));
        root.Subcommands.Add(LegalizeCli.Build(context));
    }

    /// <summary>The sales sheet and the sales-cell back office: /api/v1/sales.</summary>
    private static void MapSalesSheet(RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales");
        sales.MapPost("/", async (RegisterSaleRequest request, RegisterSale handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                return result.IsSuccess ? TypedResults.Created("/api/v1/sales/" + result.Value!.Id, result.Value) : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Register a sale on the sales sheet (from an interaction or the customer page)")
            .Produces<SaleDetail>(StatusCodes.Status201Created);
        sales.MapGet("/", async ([AsParameters] SaleListRequest request, ListSales handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("The sales sheet: filters operation, state, kind, from/to, agent, assignedTo, unassigned, minAgeDays, followUpDue, openOnly; paged")
            .Produces<Page<SaleRow>>();
        sales.MapGet("/export.csv", async ([AsParameters] SaleListRequest request, [FromQuery] string? timeZone, ListSales handler, CancellationToken ct) =>
            {
                var zone = TimeZoneInfo.Utc;
                if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
                {
                    return ApiResults.Problem(Platform.Results.Error.Invalid("timeZone", "sale.time_zone"));
                }

                var result = await handler.ExportCsvAsync(request, zone!, ct);
                return result.IsSuccess ? Results.File(result.Value!, "text/csv; charset=utf-8", "hoja-de-ventas.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The filtered sales sheet as CSV (semicolon-delimited, UTF-8)");
        sales.MapGet("/backoffice/export", async ([AsParameters] ExportBackOfficeQueueRequest request, ExportBackOfficeQueue handler, HttpContext http, CancellationToken ct) =>
                TableExportResults.From(await handler.HandleAsync(request, ct), http))
            .WithSummary("The back-office work queue as a file (format=csv|xlsx, the queue's filters; headers in the user's language, local times; at most 100,000 rows, X-Export-Capped when more)");
        sales.MapGet("/follow-ups/due", async ([FromQuery] string? operation, ListSales handler, CancellationToken ct) =>
                ApiResults.From(await handler.DueFollowUpsAsync(operation, ct)))
            .WithSummary("How many open sales have their follow-up due")
            .Produces<int>();
        sales.MapGet("/assignees", async ([FromQuery] string? operation, ListSaleAssignees handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(operation, ct)))
            .WithSummary("Back-office people a sale of the operation can be assigned to");

        var checklists = sales.MapGroup("/checklists");
        checklists.MapGet("/", async ([FromQuery] string? operation, [FromQuery] Sales.SaleKind? kind, [FromQuery] bool? all, ListChecklists handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(operation, kind, all == true, ct)))
            .WithSummary("Checklists of an operation (current versions; all=true for every version)")
            .Produces<IReadOnlyList<ChecklistView>>();
        checklists.MapGet("/{id:guid}", async (Guid id, ListChecklists handler, CancellationToken ct) =>
                ApiResults.From(await handler.GetAsync(id, ct)))
            .Produces<ChecklistView>();
        checklists.MapPost("/", async (SaveChecklistRequest request, SaveChecklist handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Save a checklist as a new version (sales keep the version they started with)")
            .Produces<ChecklistView>();

        sales.MapGet("/{id:guid}", async (Guid id, GetSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("A sale with products, checklist, steps and state history")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/steps", async (Guid id, RecordSaleStepRequest request, RecordSaleStep handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Record a checklist step (in order; 409 when an earlier step is missing or the version is stale)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/transitions", async (Guid id, ChangeSaleStateRequest request, ChangeSaleState handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Move the sale to a state (state machine + checklist checked; reason for Rejected/Cancelled/NotInstalled)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/marking", async (Guid id, MarkSaleAccountRequest request, MarkSaleAccount handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Record the account marking CTA (only when codes provisioned, no arrears and, open work order, visit confirmed)")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/claim", async (Guid id, ClaimSaleRequest request, ClaimSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Take a free sale to work it")
            .Produces<SaleDetail>();
        sales.MapPost("/{id:guid}/assign", async (Guid id, AssignSaleRequest request, AssignSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Assign the sale to a back-office member (supervisors)")
            .Produces<SaleDetail>();
        sales.MapPut("/{id:guid}/follow-up", async (Guid id, SetSaleFollowUpRequest request, SetSaleFollowUp handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, request, ct)))
            .WithSummary("Set or clear the next follow-up of the sale")
            .Produces<SaleDetail>();
    }

    /// <summary>The sheet's import/export and the reconciliation with the carrier: /api/v1/sales/imports|export|reconciliation.</summary>
    private static void MapTransferAndReconciliation(RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales sheet");
        sales.MapPost("/imports", async ([FromForm] string? operation, [FromForm] string? mapping, [FromForm] string? sheet, IFormFile? file, ImportSales handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required#2"));
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
                    return ApiResults.Problem(Error.Invalid("from", "export.range_required"));
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
                    return ApiResults.Problem(Error.Invalid("file", "reconcile.file_required"));
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
        recon.MapPost("/cuts/{id:guid}/claims", async (Guid id, CreateClaimsRequest? request, ManageSaleClaims handler, CancellationToken ct) =>
                ApiResults.From(await handler.CreateAsync(new CreateClaimsRequest(id, request?.ItemIds), ct)))
            .WithSummary("Raise claims from the cut's missing rows (all, or itemIds)")
            .Produces<IReadOnlyList<ClaimView>>();
        recon.MapGet("/cuts/{id:guid}/claims", async (Guid id, ManageSaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.ListAsync(id, ct)))
            .WithSummary("The cut's claims")
            .Produces<IReadOnlyList<ClaimView>>();
        recon.MapPost("/claims/{id:guid}/send", async (Guid id, SendClaimRequest request, ManageSaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.SendAsync(id, request, ct)))
            .WithSummary("Mark a claim sent to the carrier (reference?)")
            .Produces<ClaimView>();
        recon.MapPost("/claims/{id:guid}/answer", async (Guid id, AnswerClaimRequest request, ManageSaleClaims handler, CancellationToken ct) => ApiResults.From(await handler.AnswerAsync(id, request, ct)))
            .WithSummary("Record the carrier's answer to a claim (outcome Accepted|Rejected, answer)")
            .Produces<ClaimView>();
    }

    /// <summary>Sale attachments (recordings, evidence) and the monthly legalization packages.</summary>
    private static void MapAttachmentsAndLegalization(RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/sales/{saleId:guid}/attachments").WithTags("Sales");
        attachments.MapGet("/", async (Guid saleId, ListSaleAttachments handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(saleId, ct)))
            .WithSummary("Files attached to a sale")
            .Produces<IReadOnlyList<SaleAttachmentView>>();
        attachments.MapPost("/", async (Guid saleId, [FromForm] string? kind, IFormFile? file, UploadSaleAttachment handler, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return ApiResults.Problem(Error.Invalid("file", "attachment.file_required"));
                }

                await using var stream = file.OpenReadStream();
                var result = await handler.HandleAsync(new UploadSaleAttachmentRequest(saleId, kind, file.FileName, file.Length, stream), ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/sales/{saleId}/attachments/{result.Value!.Id}", result.Value)
                    : ApiResults.Problem(result.Error!);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 1L << 30 })
            .WithSummary("Attach a file to a sale (multipart: kind = CallRecording|IdentityValidation|ContractReading|Other, file); type checked by extension and content, size limited by Attachments:MaxBytes")
            .Produces<SaleAttachmentView>(StatusCodes.Status201Created);
        attachments.MapGet("/{attachmentId:guid}", async (Guid saleId, Guid attachmentId, DownloadSaleAttachment handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(saleId, attachmentId, ct);
                return result.IsSuccess
                    ? Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName)
                    : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Download an attachment; the read is written to the audit trail");

        var legal = api.MapGroup("/sales/legalization").WithTags("Sales");
        legal.MapGet("/", async (string? operation, string? month, LegalizationPlanner handler, CancellationToken ct) =>
                ApiResults.From(await handler.PreviewAsync(operation, month, ct)))
            .WithSummary("What a month's legalization would contain: legalizable, ready, blocking (with reasons) and device sales (?operation=&month=yyyy-MM)")
            .Produces<LegalizationPreview>();
        legal.MapPost("/runs", async (LegalizeRequest request, RunLegalization handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request.Operation, request.Month, ct)))
            .WithSummary("Generate a month's legalization (ZIP of renamed recordings + carrier CSV + bloqueadas.csv; TyT XLSX when there are device sales)")
            .Produces<LegalizationRunView>();
        legal.MapGet("/runs", async (string? operation, BrowseLegalizationRuns handler, CancellationToken ct) => ApiResults.From(await handler.ListAsync(operation, ct)))
            .WithSummary("History of legalization runs of an operation")
            .Produces<IReadOnlyList<BrowseLegalizationRuns.RunRow>>();
        legal.MapGet("/runs/{runId:guid}/{part}", async (Guid runId, string part, BrowseLegalizationRuns handler, CancellationToken ct) =>
            {
                if (!Enum.TryParse<LegalizationFilePart>(part, ignoreCase: true, out var which) || !Enum.IsDefined(which))
                {
                    return ApiResults.Problem(Error.NotFound("legalization.part_unknown"));
                }

                var result = await handler.OpenAsync(runId, which, ct);
                return result.IsSuccess
                    ? Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName)
                    : ApiResults.Problem(result.Error!);
            })
            .WithSummary("Download a run's ZIP or XLSX (audited)");

        var layouts = api.MapGroup("/clients/{client}/legalization-layouts").WithTags("Sales");
        layouts.MapGet("/{kind}", async (string client, string kind, ConfigureLegalizationLayout handler, CancellationToken ct) =>
                ApiResults.From(await handler.GetAsync(client, kind, ct)))
            .WithSummary("A client's legalization layout (recordings | devices); the default while none is configured")
            .Produces<LegalizationLayoutView>();
        layouts.MapPut("/{kind}", async (string client, string kind, List<LegalizationColumn> columns, ConfigureLegalizationLayout handler, CancellationToken ct) =>
                ApiResults.From(await handler.SetAsync(client, kind, columns, ct)))
            .WithSummary("Replace a client's legalization layout: body [{\"header\":\"IDLLAMADA\",\"field\":\"CallId\"}, ...]")
            .Produces<LegalizationLayoutView>();
    }

    /// <summary>The device back office: /api/v1/devices.</summary>
    private static void MapDevices(RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Devices back office");
        devices.MapGet("/queue", async ([AsParameters] DeviceQueueRequest request, ListDeviceQueue handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("The device back-office queue of an operation: ?operation=&state=&stale=true&openOnly=&q=&page=&pageSize=")
            .Produces<DeviceQueuePage>();
        devices.MapGet("/settings", async (string? operation, ManageDeviceSettings handler, CancellationToken ct) => ApiResults.From(await handler.GetAsync(operation, ct)))
            .WithSummary("Days without delivery news before a device sale is flagged (default 3)")
            .Produces<DeviceSettingsView>();
        devices.MapPut("/settings", async (DeviceSettingsRequest request, ManageDeviceSettings handler, CancellationToken ct) => ApiResults.From(await handler.SetAsync(request, ct)))
            .WithSummary("Set the days without delivery news before a device sale is flagged (1–60; supervisors and up)")
            .Produces<DeviceSettingsView>();
        devices.MapPost("/deliveries", async ([FromForm] string? operation, [FromForm] string? mapping, IFormFile? file, ImportDeliveries handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Invalid("file", "import.file_required#3"));
                }

                await using var stream = file.OpenReadStream();
                return ApiResults.From(await handler.HandleAsync(new ImportDeliveriesRequest(operation, stream, file.FileName, string.IsNullOrWhiteSpace(mapping) ? null : mapping), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(256L << 20), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 256L << 20 })
            .WithSummary("Upload the carrier's delivery report (multipart: operation, file, mapping?): rows, updated, unmatched, rejected (with lines)")
            .Produces<DeliveryImportSummary>();

        var sale = devices.MapGroup("/sales/{saleId:guid}");
        sale.MapGet("/", async (Guid saleId, GetDeviceSale handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(saleId, ct)))
            .WithSummary("A device sale: confirmation, credit check, reservation, delivery history")
            .Produces<DeviceSaleView>();
        sale.MapPost("/confirmation", async (Guid saleId, RecordDeviceConfirmationRequest request, RecordDeviceConfirmation handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(saleId, request, ct)))
            .WithSummary("Record the confirmation call (device confirmed; address confirmed or corrected; recording reference)")
            .Produces<DeviceSaleView>();
        sale.MapPost("/credit", async (Guid saleId, RecordCreditCheckRequest request, RecordCreditCheck handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(saleId, request, ct)))
            .WithSummary("Record the credit quota and conditions check (409 before the confirmation call)")
            .Produces<DeviceSaleView>();
        sale.MapPost("/reservation", async (Guid saleId, ReserveDeviceRequest request, ReserveDevice handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(saleId, request, ct)))
            .WithSummary("Reserve the device (409 before confirmation and an approved credit check, or when the reservation number is taken)")
            .Produces<DeviceSaleView>();
        sale.MapPost("/deliveries", async (Guid saleId, RecordDeliveryStateRequest request, RecordDeliveryState handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(saleId, request, ct)))
            .WithSummary("Record a delivery state by hand (Delivered moves the sale to Delivered)")
            .Produces<DeviceSaleView>();
        sale.MapPost("/legalize", async (Guid saleId, LegalizeDeviceSaleRequest request, LegalizeDeviceSale handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(saleId, request, ct)))
            .WithSummary("Legalize a delivered device sale (call recording attached required)")
            .Produces<DeviceSaleView>();
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

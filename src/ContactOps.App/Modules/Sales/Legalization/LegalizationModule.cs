using System.CommandLine;
using ContactOps.Modules.Sales.Attachments;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Sales.Legalization;

/// <summary>Sale attachments (recordings, evidence) and the monthly legalization packages: API, services and the `legalize` verb.</summary>
public sealed class LegalizationModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["legalize"];

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<AttachmentLimits>();
        services.AddScoped<UploadSaleAttachment>();
        services.AddScoped<ListSaleAttachments>();
        services.AddScoped<DownloadSaleAttachment>();
        services.AddScoped<LegalizationPlanner>();
        services.AddScoped<RunLegalization>();
        services.AddScoped<LegalizationRuns>();
        services.AddScoped<ConfigureLegalizationLayout>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/sales/{saleId:guid}/attachments").WithTags("Sales");
        attachments.MapGet("/", async (Guid saleId, ListSaleAttachments handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(saleId, ct)))
            .WithSummary("Files attached to a sale")
            .Produces<IReadOnlyList<SaleAttachmentView>>();
        attachments.MapPost("/", async (Guid saleId, [FromForm] string? kind, IFormFile? file, UploadSaleAttachment handler, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return ApiResults.Problem(Error.Validation("attachment.file_required", "Adjunte el archivo (campo «file»).", "file"));
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
        legal.MapGet("/runs", async (string? operation, LegalizationRuns handler, CancellationToken ct) => ApiResults.From(await handler.ListAsync(operation, ct)))
            .WithSummary("History of legalization runs of an operation")
            .Produces<IReadOnlyList<LegalizationRuns.RunRow>>();
        legal.MapGet("/runs/{runId:guid}/{part}", async (Guid runId, string part, LegalizationRuns handler, CancellationToken ct) =>
            {
                if (!Enum.TryParse<LegalizationFilePart>(part, ignoreCase: true, out var which) || !Enum.IsDefined(which))
                {
                    return ApiResults.Problem(Error.NotFound("legalization.part_unknown", "Descargue «zip» o «xlsx»."));
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

    public void Register(RootCommand root, CliContext context) => root.Subcommands.Add(LegalizeCommand.Build(context));
}

public sealed record LegalizeRequest(string? Operation, string? Month);

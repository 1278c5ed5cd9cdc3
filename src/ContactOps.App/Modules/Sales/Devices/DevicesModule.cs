using System.CommandLine;
using ContactOps.Modules.Sales.Devices.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace ContactOps.Modules.Sales.Devices;

/// <summary>
/// The back office for device sales (issue 5): confirmation call, credit check, reservation, delivery tracking from the
/// carrier's report, legalization once delivered. Endpoints under /api/v1/devices; CLI <c>import deliveries</c>.
/// </summary>
public sealed class DevicesModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["import"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetDeviceSale>();
        services.AddScoped<ListDeviceQueue>();
        services.AddScoped<RecordDeviceConfirmation>();
        services.AddScoped<RecordCreditCheck>();
        services.AddScoped<ReserveDevice>();
        services.AddScoped<RecordDeliveryState>();
        services.AddScoped<ImportDeliveries>();
        services.AddScoped<LegalizeDeviceSale>();
        services.AddScoped<DeviceSettings>();
        services.AddSingleton(new Platform.Imports.Mappings.FileKindDefinition(DeliveryReportColumns.FileKind, DeliveryReportColumns.Aliases.Keys.ToArray(), []));
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Devices back office");
        devices.MapGet("/queue", async ([AsParameters] DeviceQueueRequest request, ListDeviceQueue handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("The device back-office queue of an operation: ?operation=&state=&stale=true&openOnly=&q=&page=&pageSize=")
            .Produces<DeviceQueuePage>();
        devices.MapGet("/settings", async (string? operation, DeviceSettings handler, CancellationToken ct) => ApiResults.From(await handler.GetAsync(operation, ct)))
            .WithSummary("Days without delivery news before a device sale is flagged (default 3)")
            .Produces<DeviceSettingsView>();
        devices.MapPut("/settings", async (DeviceSettingsRequest request, DeviceSettings handler, CancellationToken ct) => ApiResults.From(await handler.SetAsync(request, ct)))
            .WithSummary("Set the days without delivery news before a device sale is flagged (1–60; supervisors and up)")
            .Produces<DeviceSettingsView>();
        devices.MapPost("/deliveries", async ([FromForm] string? operation, [FromForm] string? mapping, IFormFile? file, ImportDeliveries handler, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return ApiResults.Problem(Error.Validation("import.file_required", "Adjunte el reporte de entregas (campo «file»).", "file"));
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

    public void Register(RootCommand root, CliContext context)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import");
        if (import is null)
        {
            import = new Command("import", "Importa archivos (CSV o XLSX)");
            root.Subcommands.Add(import);
        }

        import.Subcommands.Add(Cli.ImportDeliveriesCommand.Build(context));
    }
}

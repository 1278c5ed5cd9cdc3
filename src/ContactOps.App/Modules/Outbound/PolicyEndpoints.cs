using System.Globalization;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Outbound;

/// <summary>Services and endpoints of the contact policy, the campaign settings, segmentation, the diagnosis and the hopper.</summary>
public static class PolicyEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<ContactPolicy>();
        services.AddScoped<IContactPolicy>(sp => sp.GetRequiredService<ContactPolicy>());
        services.AddScoped<CheckContactPolicy>();
        services.AddScoped<EditCampaignSettings>();
        services.AddScoped<ManageSegments>();
        services.AddScoped<DiagnoseInventory>();
        services.AddSingleton<Hopper>();
        services.AddSingleton<IDialerLeadSource>(sp => sp.GetRequiredService<Hopper>());
    }

    public static void Map(RouteGroupBuilder outbound)
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
                    if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return ApiResults.Problem(Error.Validation("diagnosis.at_invalid", "El instante no es válido (ISO-8601 con zona).", "at"));
                    }

                    instant = parsed;
                }

                return ApiResults.From(await h.HandleAsync(operation, instant, ct));
            })
            .WithSummary("Dialable-inventory diagnosis: per segment, dialable now and why the rest is not")
            .Produces<InventoryDiagnosis>();
    }
}

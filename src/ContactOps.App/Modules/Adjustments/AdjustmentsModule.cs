using System.CommandLine;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Adjustments;

/// <summary>The billing-adjustments cell's workflow (issue 6): queues, one adjustment's procedure as an explicit state machine, regulatory clocks, causes and settings. Endpoints under /api/v1/adjustments.</summary>
public sealed class AdjustmentsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => [];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListAdjustments>();
        services.AddScoped<GetAdjustment>();
        services.AddScoped<ActOnAdjustment>();
        services.AddScoped<ManageAdjustmentCauses>();
        services.AddScoped<ManageAdjustmentSettings>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/adjustments").WithTags("Adjustments");
        g.MapGet("/", async ([AsParameters] AdjustmentQueueRequest request, ListAdjustments h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(request, ct)))
            .WithSummary("The adjustments queue of an operation: counts per state, flagged/overdue PQR clocks, one page of rows (filters: state, cause, agent, clock, minAgeDays, dueBefore, assigned, q; sort due|age|state)")
            .Produces<AdjustmentQueue>();
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

    public void Register(RootCommand root, CliContext context)
    {
    }
}

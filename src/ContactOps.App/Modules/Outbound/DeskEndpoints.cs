using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactOps.Modules.Outbound;

public sealed record PauseRequest(string? ReasonCode);

/// <summary>The desk's services and its API under /api/v1/outbound/desk and /api/v1/outbound/floor (operation: code or id, query).</summary>
public static class DeskEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<AgentPresence>();
        services.AddScoped<OutboundDesk>();
        services.AddScoped<DeskCalls>();
        services.AddScoped<RecordDisposition>();
        services.AddScoped<OutboundFloorView>();
        services.AddSingleton<WrapUpDefaults>();
        services.AddHostedService<WrapUpSweep>();
        services.AddHostedService<OutboundHubRelay>();
    }

    public static void Map(RouteGroupBuilder outbound)
    {
        var desk = outbound.MapGroup("/desk").WithTags("Outbound desk");
        desk.MapGet("/", async (string? operation, OutboundDesk h, CancellationToken ct) => ApiResults.From(await h.GetAsync(operation, ct)))
            .WithSummary("The agent's desk: state, pending call and lead (history, script), dispositions, pause reasons, callbacks").Produces<DeskView>();
        desk.MapPost("/join", async (string? operation, OutboundDesk h, CancellationToken ct) => ApiResults.From(await h.JoinAsync(operation, ct)))
            .WithSummary("Join the campaign (on the floor, not ready yet)").Produces<DeskView>();
        desk.MapPost("/ready", async (string? operation, OutboundDesk h, CancellationToken ct) => ApiResults.From(await h.ReadyAsync(operation, ct)))
            .WithSummary("Ready for calls (refused while an attempt lacks its disposition)").Produces<DeskView>();
        desk.MapPost("/pause", async (string? operation, PauseRequest request, OutboundDesk h, CancellationToken ct) => ApiResults.From(await h.PauseAsync(operation, request.ReasonCode, ct)))
            .WithSummary("Pause with one of the campaign's reason codes").Produces<DeskView>();
        desk.MapPost("/logout", async (string? operation, OutboundDesk h, CancellationToken ct) => ApiResults.From(await h.LogoutAsync(operation, ct)))
            .WithSummary("Leave the campaign").Produces<DeskView>();
        desk.MapPost("/next", async (string? operation, DeskCalls h, CancellationToken ct) => ApiResults.From(await h.NextAsync(operation, ct)))
            .WithSummary("Preview mode: take the next lead from the hopper (due callbacks first)").Produces<DeskView>();
        desk.MapPost("/calls", async (string? operation, StartCallRequest request, DeskCalls h, CancellationToken ct) => ApiResults.From(await h.StartAsync(operation, request, ct)))
            .WithSummary("Preview mode: the agent dialled the lead's phone (checked against the contact policy as a manual call)").Produces<DeskView>();
        desk.MapPost("/calls/end", async (string? operation, DeskCalls h, CancellationToken ct) => ApiResults.From(await h.EndAsync(operation, ct)))
            .WithSummary("End (hang up) the agent's call: wrap-up starts").Produces<DeskView>();
        desk.MapPost("/dispositions", async (string? operation, DispositionRequest request, RecordDisposition h, CancellationToken ct) => ApiResults.From(await h.HandleAsync(operation, request, ct)))
            .WithSummary("Disposition of the agent's attempt (callback: callbackAt + callbackForMe; sale: sale with identityValidated)").Produces<DeskView>();
        desk.MapGet("/callbacks", async (string? operation, OutboundDesk h, CancellationToken ct) =>
            {
                var view = await h.GetAsync(operation, ct);
                return view.IsSuccess ? Results.Ok(view.Value!.Callbacks) : ApiResults.Problem(view.Error!);
            })
            .WithSummary("The agent's pending callbacks (theirs and anyone's)").Produces<IReadOnlyList<CallbackView>>();

        var floor = outbound.MapGroup("/floor").WithTags("Outbound floor");
        floor.MapGet("/", async (string? operation, OutboundFloorView h, CancellationToken ct) => ApiResults.From(await h.GetAsync(operation, ct)))
            .WithSummary("The campaign's live floor (supervisors)").Produces<FloorView>();
        floor.MapPost("/start", async (string? operation, OutboundFloorView h, CancellationToken ct) => ApiResults.From(await h.StartAsync(operation, ct)))
            .WithSummary("Start the dialer (automatic modes)").Produces<FloorView>();
        floor.MapPost("/stop", async (string? operation, OutboundFloorView h, CancellationToken ct) => ApiResults.From(await h.StopAsync(operation, ct)))
            .WithSummary("Stop the dialer").Produces<FloorView>();
    }

    /// <summary>The live hub for softphones and other clients (authorized).</summary>
    public static void MapHub(IEndpointRouteBuilder app) => app.MapHub<OutboundHub>(OutboundHub.Path).RequireAuthorization();
}

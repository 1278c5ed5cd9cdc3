using System.Security.Claims;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Live outbound events for softphones and other clients (the Blazor desk gets the same events over its own circuit).
/// On connect the caller joins their agent group: <c>CallConnected</c> (a call bridged to them: pop the lead),
/// <c>CallEnded</c> (wrap-up starts), <c>StateChanged</c> (their presence). <c>WatchFloor(operation)</c> (supervisors)
/// adds <c>FloorChanged</c> (the campaign's snapshot) and <c>AgentChanged</c> (each agent's presence).
/// </summary>
[Authorize]
public sealed class OutboundHub(IDbContextFactory<AppDbContext> dbs, AccessScope scope, IOutboundFloor floor) : Hub
{
    public const string Path = "/hubs/outbound";

    public static string AgentGroup(Guid userId) => "agent:" + userId.ToString("N");

    public static string FloorGroup(Guid operationId) => "floor:" + operationId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(userId));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Subscribes a supervisor to a campaign's floor; answers its current snapshot.</summary>
    public async Task<FloorSnapshot> WatchFloor(string operation)
    {
        scope.SetUser(Context.User);
        await using var db = await dbs.CreateDbContextAsync(Context.ConnectionAborted);
        var unit = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.FloorRoles, Context.ConnectionAborted);
        if (!unit.IsSuccess)
        {
            throw new HubException(unit.Error!.Message);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, FloorGroup(unit.Value!.Operation.Id));
        return floor.Snapshot(unit.Value.Operation.Id);
    }
}

/// <summary>Forwards the dialer's and the presence's events to the hub's groups.</summary>
public sealed class OutboundHubRelay(IHubContext<OutboundHub> hub, IOutboundFloor floor, AgentPresence presence, ILogger<OutboundHubRelay> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        floor.CallConnected += OnConnected;
        floor.CallEnded += OnEnded;
        floor.FloorChanged += OnFloor;
        presence.Changed += OnPresence;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        floor.CallConnected -= OnConnected;
        floor.CallEnded -= OnEnded;
        floor.FloorChanged -= OnFloor;
        presence.Changed -= OnPresence;
        return Task.CompletedTask;
    }

    private void OnConnected(ConnectedCall call) => Send(hub.Clients.Group(OutboundHub.AgentGroup(call.AgentUserId)), "CallConnected", call);

    private void OnEnded(EndedCall call) => Send(hub.Clients.Group(OutboundHub.AgentGroup(call.AgentUserId)), "CallEnded", call);

    private void OnFloor(FloorSnapshot snapshot) => Send(hub.Clients.Group(OutboundHub.FloorGroup(snapshot.OperationId)), "FloorChanged", snapshot);

    private void OnPresence(AgentSession session)
    {
        var view = new { session.OperationId, session.UserId, session.Login, session.DisplayName, session.State, session.ReasonCode, session.Since, Call = session.Call };
        Send(hub.Clients.Group(OutboundHub.AgentGroup(session.UserId)), "StateChanged", view);
        Send(hub.Clients.Group(OutboundHub.FloorGroup(session.OperationId)), "AgentChanged", view);
    }

    private void Send(IClientProxy clients, string method, object payload) =>
        _ = clients.SendAsync(method, payload).ContinueWith(
            t => log.LogWarning(t.Exception, "No se pudo enviar {Method} por el hub saliente.", method), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

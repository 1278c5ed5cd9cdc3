using System.Collections.Concurrent;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>
/// The live dialer of the automatic modes (progressive, power, predictive): one <see cref="CampaignRun"/> per operation,
/// each a single-threaded loop (an inbox of work items) that owns the campaign's agents and calls. Every second a running
/// campaign measures a <see cref="PacingSnapshot"/>, asks its pacer how many calls to place, takes that many leads from
/// the hopper, records the attempts (<see cref="LeadOutcomes"/>) and dials them through the <see cref="ITelephonyGateway"/>;
/// gateway events, desk actions and timers are all posted to the same inbox, so the state needs no locks.
/// </summary>
public sealed class OutboundFloor(
    IServiceScopeFactory scopes, TimeProvider clock, ITelephonyGateway gateway, IPacerFactory pacers, ILogger<OutboundFloor> logger)
    : IOutboundFloor, IAsyncDisposable
{
    /// <summary>An answered call must reach an agent within this time or it is abandoned (the recorded message plays).</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, CampaignRun> _runs = new();

    public event Action<ConnectedCall>? CallConnected;

    public event Action<EndedCall>? CallEnded;

    public event Action<FloorSnapshot>? FloorChanged;

    public Task StartAsync(Guid operationId, CancellationToken ct) => Run(operationId).StartAsync(ct);

    public Task StopAsync(Guid operationId, CancellationToken ct) =>
        _runs.TryGetValue(operationId, out var run) ? run.StopAsync(persist: true) : StopPersistedAsync(operationId, ct);

    public void AgentReady(Guid operationId, Guid agentUserId, string login, string endpoint) =>
        Run(operationId).AgentReady(agentUserId, login, endpoint);

    public void AgentNotReady(Guid operationId, Guid agentUserId, AgentFloorState state)
    {
        if (state == AgentFloorState.Ready)
        {
            throw new ArgumentException("Use AgentReady to make an agent ready.", nameof(state));
        }

        Run(operationId).AgentNotReady(agentUserId, state);
    }

    public Task HangUpAsync(Guid operationId, Guid agentUserId, CancellationToken ct) =>
        _runs.TryGetValue(operationId, out var run) ? run.HangUpAsync(agentUserId) : Task.CompletedTask;

    public FloorSnapshot Snapshot(Guid operationId) =>
        _runs.TryGetValue(operationId, out var run) ? run.Last : CampaignRun.Empty(operationId, clock.GetUtcNow());

    /// <summary>The agent's state on the campaign floor (LoggedOut when unknown).</summary>
    public Task<AgentFloorState> AgentStateAsync(Guid operationId, Guid agentUserId) =>
        _runs.TryGetValue(operationId, out var run) ? run.AgentStateAsync(agentUserId) : Task.FromResult(AgentFloorState.LoggedOut);

    /// <summary>Completes when the campaign's loop has processed everything posted so far (tests, the simulator).</summary>
    public Task IdleAsync(Guid operationId) =>
        _runs.TryGetValue(operationId, out var run) ? run.IdleAsync() : Task.CompletedTask;

    /// <summary>Stops every loop without changing the campaigns' persisted running flag (host shutdown: a restart resumes).</summary>
    public async Task ShutdownAsync()
    {
        foreach (var operationId in _runs.Keys.ToList())
        {
            if (_runs.TryRemove(operationId, out var run))
            {
                await run.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync();

    internal void RaiseConnected(ConnectedCall call) => Raise(CallConnected, call);

    internal void RaiseEnded(EndedCall call) => Raise(CallEnded, call);

    internal void RaiseFloorChanged(FloorSnapshot snapshot) => Raise(FloorChanged, snapshot);

    private CampaignRun Run(Guid operationId) =>
        _runs.GetOrAdd(operationId, id => new CampaignRun(id, this, scopes, clock, gateway, pacers, logger));

    private async Task StopPersistedAsync(Guid operationId, CancellationToken ct)
    {
        await using var scope = CampaignRun.SystemScope(scopes);
        var db = scope.ServiceProvider.GetRequiredService<Platform.Data.AppDbContext>();
        var campaign = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstOrDefaultAsync(db.OutboundCampaigns, c => c.OperationId == operationId, ct);
        if (campaign is { IsRunning: true })
        {
            campaign.IsRunning = false;
            await db.SaveChangesAsync(ct);
        }
    }

    private void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(value);
            }
#pragma warning disable CA1031 // A subscriber's failure must not stop the dialer.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "A floor event subscriber failed");
            }
        }
    }
}

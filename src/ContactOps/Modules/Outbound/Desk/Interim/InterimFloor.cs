using System.Collections.Concurrent;
using ContactOps.Modules.Outbound.Dialer;

namespace ContactOps.Modules.Outbound.Desk.Interim;

/// <summary>
/// INTERIM (deleted at merge; the engine branch implements <see cref="IOutboundFloor"/>): a floor without a dialer that
/// only counts the agents' states, so the desk and the floor page work in preview mode before the engine lands.
/// </summary>
internal sealed class InterimFloor(TimeProvider time) : IOutboundFloor
{
    private readonly ConcurrentDictionary<(Guid, Guid), AgentFloorState> _agents = new();
    private readonly ConcurrentDictionary<Guid, bool> _running = new();

#pragma warning disable CS0067 // Raised by the real engine only.
    public event Action<ConnectedCall>? CallConnected;

    public event Action<EndedCall>? CallEnded;

    public event Action<FloorSnapshot>? FloorChanged;
#pragma warning restore CS0067

    public Task StartAsync(Guid operationId, CancellationToken ct)
    {
        _running[operationId] = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(Guid operationId, CancellationToken ct)
    {
        _running[operationId] = false;
        return Task.CompletedTask;
    }

    public void AgentReady(Guid operationId, Guid agentUserId, string login, string endpoint) => _agents[(operationId, agentUserId)] = AgentFloorState.Ready;

    public void AgentNotReady(Guid operationId, Guid agentUserId, AgentFloorState state)
    {
        if (state == AgentFloorState.LoggedOut)
        {
            _agents.TryRemove((operationId, agentUserId), out _);
        }
        else
        {
            _agents[(operationId, agentUserId)] = state;
        }
    }

    public Task HangUpAsync(Guid operationId, Guid agentUserId, CancellationToken ct) => Task.CompletedTask;

    public FloorSnapshot Snapshot(Guid operationId)
    {
        var states = _agents.Where(a => a.Key.Item1 == operationId).Select(a => a.Value).ToList();
        return new FloorSnapshot
        {
            OperationId = operationId,
            Mode = DialMode.Preview,
            IsRunning = _running.GetValueOrDefault(operationId),
            Ready = states.Count(s => s == AgentFloorState.Ready),
            InCall = states.Count(s => s == AgentFloorState.InCall),
            WrapUp = states.Count(s => s == AgentFloorState.WrapUp),
            Paused = states.Count(s => s == AgentFloorState.Paused),
            CallsInFlight = 0,
            WaitingAnswered = 0,
            AttemptsToday = 0,
            AnsweredToday = 0,
            AbandonedToday = 0,
            AbandonRateToday = 0,
            AbandonRate30Days = 0,
            DialLevel = 1,
            At = time.GetUtcNow(),
        };
    }
}

using System.Collections.Concurrent;
using ContactOps.Modules.Outbound.Dialer;

namespace ContactOps.Modules.Outbound;

/// <summary>An agent's live presence on a campaign.</summary>
public sealed record AgentSession(
    Guid OperationId,
    Guid ClientId,
    Guid UserId,
    string Login,
    string DisplayName,
    AgentFloorState State,
    string? ReasonCode,
    DateTimeOffset Since,
    DateTimeOffset JoinedAt)
{
    /// <summary>The call bridged to the agent (automatic modes) or dialled by the agent (preview).</summary>
    public ConnectedCall? Call { get; init; }

    /// <summary>Preview mode: the lead the agent took from the hopper and has not dialled yet.</summary>
    public DialerLead? PreviewLead { get; init; }
}

/// <summary>
/// Who is on which campaign floor right now and in which state (singleton). Tells the dialer which agents are ready,
/// follows its connected/ended calls, and raises <see cref="Changed"/> for the desk, the floor page and the hub.
/// The history of the changes is persisted by the desk handlers (<see cref="AgentStateChange"/>).
/// </summary>
public sealed class AgentPresence : IDisposable
{
    private readonly ConcurrentDictionary<(Guid Operation, Guid User), AgentSession> _sessions = new();
    private readonly IOutboundFloor _floor;
    private readonly TimeProvider _time;

    public AgentPresence(IOutboundFloor floor, TimeProvider time)
    {
        _floor = floor;
        _time = time;
        _floor.CallConnected += OnConnected;
        _floor.CallEnded += OnEnded;
    }

    public event Action<AgentSession>? Changed;

    public AgentSession? Get(Guid operationId, Guid userId) => _sessions.GetValueOrDefault((operationId, userId));

    /// <summary>The campaigns an agent is on (normally one).</summary>
    public IReadOnlyList<AgentSession> OfUser(Guid userId) => _sessions.Values.Where(s => s.UserId == userId).ToList();

    public IReadOnlyList<AgentSession> OnFloor(Guid operationId) =>
        _sessions.Values.Where(s => s.OperationId == operationId).OrderBy(s => s.Login, StringComparer.Ordinal).ToList();

    /// <summary>Puts the agent in a state (joining when absent); tells the dialer whether the agent may receive calls.</summary>
    public AgentSession Set(AgentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = (session.OperationId, session.UserId);
        if (session.State == AgentFloorState.LoggedOut)
        {
            _sessions.TryRemove(key, out _);
        }
        else
        {
            _sessions[key] = session;
        }

        if (session.State == AgentFloorState.Ready)
        {
            _floor.AgentReady(session.OperationId, session.UserId, session.Login, session.Login);
        }
        else
        {
            _floor.AgentNotReady(session.OperationId, session.UserId, session.State);
        }

        Changed?.Invoke(session);
        return session;
    }

    /// <summary>A new state for a present agent (the timer restarts when the state or reason changes).</summary>
    public AgentSession? Move(Guid operationId, Guid userId, AgentFloorState state, string? reason, Func<AgentSession, AgentSession>? change = null)
    {
        if (!_sessions.TryGetValue((operationId, userId), out var current))
        {
            return null;
        }

        var next = current.State == state && current.ReasonCode == reason
            ? current
            : current with { State = state, ReasonCode = reason, Since = _time.GetUtcNow() };
        if (change is not null)
        {
            next = change(next);
        }

        return Set(next);
    }

    public void Dispose()
    {
        _floor.CallConnected -= OnConnected;
        _floor.CallEnded -= OnEnded;
    }

    private void OnConnected(ConnectedCall call)
    {
        if (_sessions.TryGetValue((call.OperationId, call.AgentUserId), out var current))
        {
            var next = current with { State = AgentFloorState.InCall, ReasonCode = null, Since = call.ConnectedAt, Call = call, PreviewLead = null };
            _sessions[(call.OperationId, call.AgentUserId)] = next;
            Changed?.Invoke(next);
        }
    }

    private void OnEnded(EndedCall call)
    {
        if (_sessions.TryGetValue((call.OperationId, call.AgentUserId), out var current) && current.State == AgentFloorState.InCall)
        {
            var next = current with { State = AgentFloorState.WrapUp, Since = call.EndedAt };
            _sessions[(call.OperationId, call.AgentUserId)] = next;
            Changed?.Invoke(next);
        }
    }
}

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>An agent's state on the campaign floor.</summary>
public enum AgentFloorState
{
    LoggedOut,
    Ready,
    Paused,

    /// <summary>Dialling in preview mode, or bridged to a call.</summary>
    InCall,

    /// <summary>The call ended; the disposition is pending.</summary>
    WrapUp,
}

/// <summary>A call the engine bridged to an agent: the desk pops the lead.</summary>
public sealed record ConnectedCall(Guid OperationId, Guid AgentUserId, Guid AttemptId, Guid LeadId, string PhoneE164, DateTimeOffset ConnectedAt);

/// <summary>The customer hung up (or the engine ended the call): the agent enters wrap-up.</summary>
public sealed record EndedCall(Guid OperationId, Guid AgentUserId, Guid AttemptId, DateTimeOffset EndedAt);

/// <summary>The live state of one campaign, for the supervisor's view and the desk.</summary>
public sealed record FloorSnapshot
{
    public required Guid OperationId { get; init; }

    public required DialMode Mode { get; init; }

    public required bool IsRunning { get; init; }

    public required int Ready { get; init; }

    public required int InCall { get; init; }

    public required int WrapUp { get; init; }

    public required int Paused { get; init; }

    /// <summary>
    /// Every live call of the campaign: ringing, answered and waiting for an agent, and talking with an agent (an agent in
    /// call is always on one of them, so this is never below <see cref="InCall"/>: both come from the same loop step).
    /// </summary>
    public required int CallsInFlight { get; init; }

    /// <summary>Calls dialled and not answered yet.</summary>
    public int CallsRinging { get; init; }

    public required int WaitingAnswered { get; init; }

    public required int AttemptsToday { get; init; }

    public required int AnsweredToday { get; init; }

    public required int AbandonedToday { get; init; }

    /// <summary>Abandoned ÷ answered by a person, today (0 when nothing answered).</summary>
    public required double AbandonRateToday { get; init; }

    public required double AbandonRate30Days { get; init; }

    /// <summary>The pacer's current calls per agent (1 in progressive; the ratio in power; measured in predictive).</summary>
    public required double DialLevel { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// The live dialer of the campaigns (automatic modes: progressive, power, predictive). The agent desk tells it which agents
/// are ready; it places calls through the telephony gateway with the campaign's pacer, takes leads from the hopper,
/// records the attempts, and raises <see cref="CallConnected"/> / <see cref="CallEnded"/> for the desk (SignalR pushes).
/// Singleton; one engine loop per running campaign.
/// </summary>
public interface IOutboundFloor
{
    event Action<ConnectedCall>? CallConnected;

    event Action<EndedCall>? CallEnded;

    /// <summary>Raised about once a second per running campaign with its live state, and at once when its agents or calls change.</summary>
    event Action<FloorSnapshot>? FloorChanged;

    Task StartAsync(Guid operationId, CancellationToken ct);

    Task StopAsync(Guid operationId, CancellationToken ct);

    /// <summary>The agent is ready for the next call (joined, back from pause, or wrap-up done).</summary>
    void AgentReady(Guid operationId, Guid agentUserId, string login, string endpoint);

    /// <summary>The agent may not receive calls (paused, wrap-up, logged out).</summary>
    void AgentNotReady(Guid operationId, Guid agentUserId, AgentFloorState state);

    /// <summary>The agent hangs up the connected call (the desk's hang-up button).</summary>
    Task HangUpAsync(Guid operationId, Guid agentUserId, CancellationToken ct);

    FloorSnapshot Snapshot(Guid operationId);
}

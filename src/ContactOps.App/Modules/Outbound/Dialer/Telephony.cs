namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>What happened to a dialled call, as the telephony gateway reports it.</summary>
public enum CallEventKind
{
    Ringing,
    AnsweredHuman,
    AnsweredMachine,
    NoAnswer,
    Busy,
    Failed,
    HangUp,
}

public sealed record CallEvent(string CallId, CallEventKind Kind, DateTimeOffset At);

/// <summary>A call the engine asks the gateway to place.</summary>
public sealed record DialRequest(Guid OperationId, string CallId, string PhoneE164, TimeSpan RingTimeout);

/// <summary>Receives a call's events, in order, from the gateway (the dialer engine implements it).</summary>
public interface ICallEventSink
{
    ValueTask OnCallEventAsync(CallEvent callEvent);
}

/// <summary>
/// The dialer's only door to telephony. The built-in implementation is a simulator; a PBX gateway (Asterisk ARI:
/// originate, channel state events, bridges, playback) implements the same four operations. See docs/dialer.md.
/// </summary>
public interface ITelephonyGateway
{
    string Name { get; }

    /// <summary>Places a call; its events (ringing, answered-human/machine, no-answer, busy, failed, hang-up) go to the sink.</summary>
    ValueTask DialAsync(DialRequest request, ICallEventSink sink, CancellationToken ct);

    /// <summary>Connects an answered call to an agent's endpoint (extension or softphone).</summary>
    ValueTask BridgeAsync(string callId, string agentEndpoint, CancellationToken ct);

    /// <summary>Plays the recorded abandon message (no agent free within 2 s) and hangs up.</summary>
    ValueTask PlayAbandonMessageAsync(string callId, CancellationToken ct);

    ValueTask HangUpAsync(string callId, CancellationToken ct);
}

/// <summary>
/// The simulated world the built-in gateway answers from: all figures configurable, draws reproducible from the seed.
/// Times are means of log-normal distributions (talk, wrap-up) and of a uniform ring between 0.4× and 1.6× the mean.
/// </summary>
public sealed record SimulationProfile
{
    /// <summary>Probability that a dialled call is answered (by a person or a machine).</summary>
    public double AnswerRate { get; init; } = 0.3;

    /// <summary>Share of answered calls picked up by an answering machine (detected, never bridged).</summary>
    public double MachineShare { get; init; } = 0.1;

    /// <summary>Share of unanswered calls that are busy (the rest ring out; a small fixed share fails).</summary>
    public double BusyShare { get; init; } = 0.15;

    public double FailedShare { get; init; } = 0.02;

    public double RingMeanSeconds { get; init; } = 12;

    /// <summary>Seconds a call rings before the dialer gives up (no answer).</summary>
    public double RingTimeoutSeconds { get; init; } = 25;

    public double TalkMeanSeconds { get; init; } = 180;

    public double WrapMeanSeconds { get; init; } = 20;

    /// <summary>Seconds a customer waits on an answered call before hanging up when no agent comes (beyond the 2 s rule).</summary>
    public double PatienceSeconds { get; init; } = 6;

    public int Seed { get; init; } = 1;
}

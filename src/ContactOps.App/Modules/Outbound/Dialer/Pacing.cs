namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>How the dialer decides how many calls to place.</summary>
public enum DialMode
{
    /// <summary>The agent sees the next lead and dials from their own phone (a tel: link), then records the outcome.</summary>
    Preview,

    /// <summary>One call per ready agent.</summary>
    Progressive,

    /// <summary>A fixed number of calls per ready agent (the ratio).</summary>
    Power,

    /// <summary>ContactOps' pacing: as many calls as keep agents busy with the abandon rate under the operation's target.</summary>
    Predictive,
}

/// <summary>
/// What a pacer can measure at one instant of a campaign (one engine cycle). Counts are of the campaign's agents and calls;
/// rates are measured over the campaign's own recent history.
/// </summary>
public sealed record PacingSnapshot
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>Agents ready and waiting for a call.</summary>
    public required int ReadyAgents { get; init; }

    /// <summary>Agents talking to a customer.</summary>
    public required int InCallAgents { get; init; }

    /// <summary>Agents in wrap-up (disposition pending), with how long each has been in it, in seconds.</summary>
    public required IReadOnlyList<double> WrapUpAgeSeconds { get; init; }

    /// <summary>How long each talking agent has been on the call, in seconds.</summary>
    public required IReadOnlyList<double> TalkAgeSeconds { get; init; }

    /// <summary>Calls dialled and not yet answered or ended (ringing).</summary>
    public required int CallsInFlight { get; init; }

    /// <summary>Answered calls waiting for an agent right now.</summary>
    public required int WaitingAnswered { get; init; }

    /// <summary>Share of dialled calls answered by a person (measured; the pacer may smooth it).</summary>
    public required double AnswerRate { get; init; }

    /// <summary>Measured mean talk time, seconds.</summary>
    public required double MeanTalkSeconds { get; init; }

    /// <summary>Measured mean wrap-up time, seconds.</summary>
    public required double MeanWrapSeconds { get; init; }

    /// <summary>Measured mean time from dial to answer (ring), seconds.</summary>
    public required double MeanRingSeconds { get; init; }

    /// <summary>Calls answered by a person today / abandoned today (for the daily abandon-rate constraint).</summary>
    public required int AnsweredToday { get; init; }

    public required int AbandonedToday { get; init; }

    /// <summary>Answered / abandoned over the last 30 days (including today).</summary>
    public required int Answered30Days { get; init; }

    public required int Abandoned30Days { get; init; }

    /// <summary>Calls placed / dropped in the last 60 seconds (VICIdial's safety rule).</summary>
    public required int CallsLastMinute { get; init; }

    public required int DroppedLastMinute { get; init; }

    /// <summary>Hours left in today's contact window.</summary>
    public required double HoursLeftToday { get; init; }

    /// <summary>Abandon-rate target as a fraction (0.03 = 3%).</summary>
    public required double AbandonTarget { get; init; }
}

/// <summary>Decides how many new calls to place now. Implementations keep their own state between cycles (one per campaign).</summary>
public interface IPacer
{
    string Name { get; }

    /// <summary>How many new calls to place now (0 or more). Called once per engine cycle (every second).</summary>
    int CallsToPlace(PacingSnapshot snapshot);
}

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>How a simulated call ends up.</summary>
public enum CallOutcomeKind
{
    /// <summary>A person answered: the call needs an agent within 2 seconds.</summary>
    Human,

    /// <summary>An answering machine answered (detected by AMD, never bridged).</summary>
    Machine,

    /// <summary>Rang until the ring timeout.</summary>
    NoAnswer,

    Busy,

    /// <summary>The network could not place the call.</summary>
    Failed,
}

/// <summary>
/// One simulated call: how it ends and how long each phase lasts. Every field is drawn for every call (even when the
/// outcome does not use it) so the n-th call of a seed is the same whatever the pacer does — pacers compared on one
/// seed face the same customers (common random numbers).
/// </summary>
/// <param name="Kind">The outcome.</param>
/// <param name="RingSeconds">Seconds from dial to the outcome (answer, busy signal, failure, or the ring timeout).</param>
/// <param name="TalkSeconds">Conversation length if a person answers and reaches an agent (0 for other outcomes).</param>
/// <param name="WrapSeconds">The agent's wrap-up after the conversation (0 for other outcomes).</param>
/// <param name="PatienceSeconds">How long the person waits in silence before hanging up if no agent comes (0 for other outcomes).</param>
public sealed record CallOutcome(CallOutcomeKind Kind, double RingSeconds, double TalkSeconds, double WrapSeconds, double PatienceSeconds)
{
    public bool IsHuman => Kind == CallOutcomeKind.Human;

    /// <summary>The gateway event that ends the ringing phase of this call.</summary>
    public CallEventKind EventKind => Kind switch
    {
        CallOutcomeKind.Human => CallEventKind.AnsweredHuman,
        CallOutcomeKind.Machine => CallEventKind.AnsweredMachine,
        CallOutcomeKind.NoAnswer => CallEventKind.NoAnswer,
        CallOutcomeKind.Busy => CallEventKind.Busy,
        _ => CallEventKind.Failed,
    };
}

/// <summary>
/// Draws simulated calls from a <see cref="SimulationProfile"/>, reproducibly from <see cref="SimulationProfile.Seed"/>.
/// <list type="bullet">
/// <item>Outcome: answered with probability <c>AnswerRate</c>; an answered call is a machine with probability
/// <c>MachineShare</c>, else a person. An unanswered call fails with probability <c>FailedShare</c>, is busy with
/// probability <c>BusyShare</c>, else rings out (no answer).</item>
/// <item>Ring: answered calls ring uniformly between 0.4× and 1.6× <c>RingMeanSeconds</c> (capped at the timeout);
/// no-answer rings for <c>RingTimeoutSeconds</c>; busy is known after 1–4 s; failures after 0.5–2 s.</item>
/// <item>Talk: log-normal with mean <c>TalkMeanSeconds</c> and σ = <see cref="TalkSigma"/> (coefficient of variation ≈ 0.95,
/// the long right tail of sales calls), at least 5 s.</item>
/// <item>Wrap-up: log-normal with mean <c>WrapMeanSeconds</c> and σ = <see cref="WrapSigma"/> (CV ≈ 0.53), at least 1 s.</item>
/// <item>Patience: exponential with mean <c>PatienceSeconds</c> (a person hears silence and hangs up).</item>
/// </list>
/// Not thread-safe: one sampler per simulated world.
/// </summary>
public sealed class CallOutcomeSampler
{
    /// <summary>σ of ln(talk seconds).</summary>
    public const double TalkSigma = 0.8;

    /// <summary>σ of ln(wrap-up seconds).</summary>
    public const double WrapSigma = 0.5;

    private readonly SimulationProfile _profile;
    private readonly Random _random;

    public CallOutcomeSampler(SimulationProfile profile)
        : this(profile, new Random(profile?.Seed ?? throw new ArgumentNullException(nameof(profile))))
    {
    }

    public CallOutcomeSampler(SimulationProfile profile, Random random)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(random);
        Validate(profile);
        _profile = profile;
        _random = random;
    }

    public SimulationProfile Profile => _profile;

    /// <summary>Throws <see cref="ArgumentException"/> when a figure of the profile is out of range.</summary>
    public static void Validate(SimulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Probability(profile.AnswerRate, nameof(profile.AnswerRate));
        Probability(profile.MachineShare, nameof(profile.MachineShare));
        Probability(profile.BusyShare, nameof(profile.BusyShare));
        Probability(profile.FailedShare, nameof(profile.FailedShare));
        if (profile.BusyShare + profile.FailedShare > 1)
        {
            throw new ArgumentException("BusyShare + FailedShare must not exceed 1.", nameof(profile));
        }

        Positive(profile.RingMeanSeconds, nameof(profile.RingMeanSeconds));
        Positive(profile.RingTimeoutSeconds, nameof(profile.RingTimeoutSeconds));
        Positive(profile.TalkMeanSeconds, nameof(profile.TalkMeanSeconds));
        Positive(profile.WrapMeanSeconds, nameof(profile.WrapMeanSeconds));
        if (!(profile.PatienceSeconds >= 0) || double.IsInfinity(profile.PatienceSeconds))
        {
            throw new ArgumentException("PatienceSeconds must be 0 or more.", nameof(profile));
        }
    }

    /// <summary>The next call of this world.</summary>
    public CallOutcome Next()
    {
        // Always the same number of draws per call, in the same order (see CallOutcome).
        var uAnswer = _random.NextDouble();
        var uKind = _random.NextDouble();
        var uRing = _random.NextDouble();
        var zTalk = StandardNormal();
        var zWrap = StandardNormal();
        var uPatience = _random.NextDouble();

        var p = _profile;
        CallOutcomeKind kind;
        if (uAnswer < p.AnswerRate)
        {
            kind = uKind < p.MachineShare ? CallOutcomeKind.Machine : CallOutcomeKind.Human;
        }
        else if (uKind < p.FailedShare)
        {
            kind = CallOutcomeKind.Failed;
        }
        else if (uKind < p.FailedShare + p.BusyShare)
        {
            kind = CallOutcomeKind.Busy;
        }
        else
        {
            kind = CallOutcomeKind.NoAnswer;
        }

        var ring = kind switch
        {
            CallOutcomeKind.Human or CallOutcomeKind.Machine =>
                Math.Min(p.RingTimeoutSeconds, p.RingMeanSeconds * (0.4 + (1.2 * uRing))),
            CallOutcomeKind.NoAnswer => p.RingTimeoutSeconds,
            CallOutcomeKind.Busy => 1 + (3 * uRing),
            _ => 0.5 + (1.5 * uRing),
        };

        if (kind != CallOutcomeKind.Human)
        {
            return new CallOutcome(kind, ring, 0, 0, 0);
        }

        var talk = Math.Max(5, LogNormal(p.TalkMeanSeconds, TalkSigma, zTalk));
        var wrap = Math.Max(1, LogNormal(p.WrapMeanSeconds, WrapSigma, zWrap));
        var patience = -p.PatienceSeconds * Math.Log(1 - uPatience);
        return new CallOutcome(kind, ring, talk, wrap, patience);
    }

    /// <summary>A log-normal value with the given mean (not median): exp(μ + σz) with μ = ln(mean) − σ²/2.</summary>
    public static double LogNormal(double mean, double sigma, double standardNormal) =>
        Math.Exp(Math.Log(mean) - (sigma * sigma / 2) + (sigma * standardNormal));

    private double StandardNormal()
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1.", name);
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be greater than 0.", name);
        }
    }
}

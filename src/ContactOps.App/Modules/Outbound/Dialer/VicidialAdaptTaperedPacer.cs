namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>
/// VICIdial's ADAPT_TAPERED dial method, as published, for the benchmark (docs/dialer.md):
/// <list type="number">
/// <item>Every second a sample of ready agents R, waiting answered calls W and logged-in (not paused) agents A.</item>
/// <item>Every 15 s: D = R̄ − W̄ over the 15 samples; T = D + diff_target; m = T / Ā; p = 100·m;
/// p' = p &lt; 0 ? p·|k − 1| : p·(k + 1) (intensity k); DL = DL·(1 + p'/100), capped at 3.0 and floored at 1.0.</item>
/// <item>Then: if more than 20 calls were placed in the last minute and more than 50% of them were dropped, DL = DL / 2.</item>
/// <item>Then: if at least 50 calls were answered today and today's drop rate exceeds the target, DL = DL·min(1, hours_left / 10).</item>
/// <item>Every cycle: place round(DL × (ready + in-call agents)) minus the calls already in the system (ringing, waiting
/// and connected) — VICIdial counts live calls against the dial level, so DL = 1 is progressive dialing.</item>
/// </list>
/// Defaults: diff_target = 0 and k = 0 (VICIdial's defaults: no offset, neutral intensity).
/// </summary>
public sealed class VicidialAdaptTaperedPacer(double diffTarget = 0, double intensity = 0) : IPacer
{
    public const double MaxDialLevel = 3.0;
    public const double MinDialLevel = 1.0;
    public const int SamplesPerAdjustment = 15;

    private double _sumReady;
    private double _sumWaiting;
    private double _sumAgents;
    private int _samples;

    public string Name => "vicidial";

    public double DiffTarget { get; } = diffTarget;

    public double Intensity { get; } = intensity;

    /// <summary>The current dial level (calls per ready-or-talking agent).</summary>
    public double DialLevel { get; private set; } = MinDialLevel;

    /// <summary>How many 15-second adjustments ran.</summary>
    public int Adjustments { get; private set; }

    public int CallsToPlace(PacingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _sumReady += snapshot.ReadyAgents;
        _sumWaiting += snapshot.WaitingAnswered;
        _sumAgents += snapshot.ReadyAgents + snapshot.InCallAgents + snapshot.WrapUpAgeSeconds.Count;
        _samples++;
        if (_samples >= SamplesPerAdjustment)
        {
            Adjust(snapshot);
        }

        var target = (int)Math.Round(DialLevel * (snapshot.ReadyAgents + snapshot.InCallAgents), MidpointRounding.AwayFromZero);
        var inSystem = snapshot.CallsInFlight + snapshot.WaitingAnswered + snapshot.InCallAgents;
        return Math.Max(0, target - inSystem);
    }

    private void Adjust(PacingSnapshot s)
    {
        var meanReady = _sumReady / _samples;
        var meanWaiting = _sumWaiting / _samples;
        var meanAgents = _sumAgents / _samples;
        _sumReady = _sumWaiting = _sumAgents = 0;
        _samples = 0;
        Adjustments++;

        if (meanAgents > 0)
        {
            var d = meanReady - meanWaiting;
            var t = d + DiffTarget;
            var m = t / meanAgents;
            var p = 100 * m;
            var adjusted = p < 0 ? p * Math.Abs(Intensity - 1) : p * (Intensity + 1);
            DialLevel = Math.Clamp(DialLevel * (1 + (adjusted / 100)), MinDialLevel, MaxDialLevel);
        }

        if (s.CallsLastMinute > 20 && s.DroppedLastMinute > 0.5 * s.CallsLastMinute)
        {
            DialLevel = Math.Max(MinDialLevel, DialLevel / 2);
        }

        if (s.AnsweredToday >= 50 && (double)s.AbandonedToday / s.AnsweredToday > s.AbandonTarget)
        {
            DialLevel = Math.Max(MinDialLevel, DialLevel * Math.Min(1, s.HoursLeftToday / 10));
        }
    }
}

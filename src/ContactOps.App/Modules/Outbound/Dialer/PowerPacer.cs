using System.Globalization;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>A fixed number of calls per ready agent: round(ratio × ready) minus calls already ringing.</summary>
public sealed class PowerPacer : IPacer
{
    public PowerPacer(decimal ratio)
    {
        if (ratio < 1 || ratio > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The power ratio must be between 1 and 10.");
        }

        Ratio = ratio;
    }

    public decimal Ratio { get; }

    public string Name => "power:" + Ratio.ToString("0.##", CultureInfo.InvariantCulture);

    public int CallsToPlace(PacingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var target = (int)Math.Round((double)Ratio * snapshot.ReadyAgents, MidpointRounding.AwayFromZero);
        return Math.Max(0, target - snapshot.WaitingAnswered - snapshot.CallsInFlight);
    }
}

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>One call per ready agent: places ready agents minus calls already ringing. Never abandons a call.</summary>
public sealed class ProgressivePacer : IPacer
{
    public string Name => "progressive";

    public int CallsToPlace(PacingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Math.Max(0, snapshot.ReadyAgents - snapshot.WaitingAnswered - snapshot.CallsInFlight);
    }
}

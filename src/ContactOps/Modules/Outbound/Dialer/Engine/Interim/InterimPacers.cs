namespace ContactOps.Modules.Outbound.Dialer.Engine.Interim;

/// <summary>
/// Interim pacers until the real ones (Dialer/Pacers) are merged: progressive (one call per ready agent) and power
/// (the ratio per ready agent); predictive falls back to progressive. Deleted at merge.
/// </summary>
internal sealed class InterimPacerFactory : IPacerFactory
{
    public IPacer Create(DialMode mode, decimal powerRatio, double abandonTarget) => mode switch
    {
        DialMode.Power => new InterimPacer("power", (double)powerRatio),
        _ => new InterimPacer("progressive", 1),
    };

    private sealed class InterimPacer(string name, double ratio) : IPacer
    {
        public string Name => name;

        public int CallsToPlace(PacingSnapshot snapshot) =>
            Math.Max(0, (int)Math.Round(ratio * snapshot.ReadyAgents, MidpointRounding.AwayFromZero) - snapshot.CallsInFlight - snapshot.WaitingAnswered);
    }
}

namespace ContactOps.Modules.Outbound;

/// <summary>
/// Pre-aggregated attempt figures of one operation, local day and hour (client's zone) and agent login ("" = no agent).
/// Maintained as attempts are written (dialer, desk, disposition changes) or imported (other dialers' call logs), so the
/// KPI, hour-by-hour and wallboard reports read a few hundred rows instead of scanning raw attempts. The raw
/// <see cref="Dialer.CallAttempt"/> rows still answer the drill-downs. Updated only through <see cref="OutboundStats.ApplyAsync"/>.
/// </summary>
public sealed class OutboundHourlyStat
{
    private OutboundHourlyStat()
    {
    }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Local date (client's zone) of the attempts' start.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Local hour 0–23 (client's zone) of the attempts' start.</summary>
    public int Hour { get; private set; }

    /// <summary>The agent's login as the attempt carries it; "" when the attempt reached no agent.</summary>
    public string AgentLogin { get; private set; } = "";

    public long Attempts { get; private set; }

    /// <summary>A person picked up (machine excluded).</summary>
    public long Answered { get; private set; }

    public long Machine { get; private set; }

    public long Contacts { get; private set; }

    public long EffectiveContacts { get; private set; }

    public long Sales { get; private set; }

    public long Abandoned { get; private set; }

    public long TalkSeconds { get; private set; }
}

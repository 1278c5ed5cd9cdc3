using ContactOps.Platform.Data;

namespace ContactOps.Modules.Outbound.Contracts;

/// <summary>
/// The figures of <c>report kpis</c> (ratios as fractions). leadsReceived = leads of the operation's open bases received
/// by the end of the period; leadsWorked = those with a first attempt before the end of the period.
/// </summary>
public sealed record OutboundKpis(
    long Attempts, long Answered, long Contacts, long EffectiveContacts, long Sales, long LeadsReceived, long LeadsWorked, long Goal,
    decimal Effectiveness, decimal Contactability, decimal BaseCoverage, decimal GoalAttainment, decimal EffectiveContactRate);

/// <summary>One hour of the day's contact window (<see cref="Hour"/> = start, "HH:mm", client's zone).</summary>
public sealed record HourlyRow(
    string Hour, long Attempts, long Answered, long Contacts, long Sales, int Agents, decimal SalesPerAgentHour,
    long CumulativeSales, decimal CumulativeGoalAttainment, decimal ProjectedClose);

/// <summary>The hour-by-hour report of one local date (<c>report hourly</c>); <see cref="Goal"/> is the day's sales goal.</summary>
public sealed record HourlyReport(DateOnly Date, long Goal, IReadOnlyList<HourlyRow> Rows);

/// <summary>Optional filters of the outbound reports: a team (id) or an agent (login).</summary>
public sealed record OutboundFilter(Guid? TeamId = null, string? AgentLogin = null)
{
    public static OutboundFilter None { get; } = new();
}

/// <summary>
/// The outbound numbers read from <see cref="OutboundHourlyStat"/> (never a scan of raw attempts). Registered in DI by the
/// Stats feature; the wallboard, the KPI page, the management report and the CLI use it.
/// </summary>
public interface IOutboundReports
{
    Task<OutboundKpis> KpisAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, OutboundFilter filter, CancellationToken ct);

    Task<HourlyReport> HourlyAsync(AppDbContext db, Guid operationId, DateOnly date, CancellationToken ct);
}

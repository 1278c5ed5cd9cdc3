using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// <see cref="IOutboundReports"/> over <see cref="OutboundHourlyStat"/>: the KPI figures and the hour-by-hour report read
/// the pre-aggregated rows of the period (a few hundred to a few thousand), never the raw attempts. Base coverage reads
/// the leads of the open bases (indexed on (BaseId, FirstAttemptAt)); agents per hour read the presence log of the day.
/// </summary>
public sealed class OutboundReports(TimeProvider time) : IOutboundReports
{
    /// <summary>Ratios are fractions rounded to 6 decimals; 0 when the denominator is 0.</summary>
    public static decimal Ratio(long numerator, long denominator) => denominator == 0 ? 0m : Math.Round((decimal)numerator / denominator, 6, MidpointRounding.AwayFromZero);

    private static decimal Ratio(decimal numerator, decimal denominator) => denominator == 0 ? 0m : Math.Round(numerator / denominator, 6, MidpointRounding.AwayFromZero);

    public async Task<OutboundKpis> KpisAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, OutboundFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var stats = await FilteredAsync(db, operationId, filter, ct);
        var sums = await stats.Where(s => s.Day >= from && s.Day <= to)
            .GroupBy(s => 1)
            .Select(g => new
            {
                Attempts = g.Sum(s => s.Attempts), Answered = g.Sum(s => s.Answered), Contacts = g.Sum(s => s.Contacts),
                Effective = g.Sum(s => s.EffectiveContacts), Sales = g.Sum(s => s.Sales),
            })
            .FirstOrDefaultAsync(ct);
        var (received, worked) = await CoverageAsync(db, operationId, to, ct);
        var goal = await SalesGoals.SumAsync(db, operationId, from, to, ct);
        long attempts = sums?.Attempts ?? 0, answered = sums?.Answered ?? 0, contacts = sums?.Contacts ?? 0, effective = sums?.Effective ?? 0, sales = sums?.Sales ?? 0;
        return new OutboundKpis(attempts, answered, contacts, effective, sales, received, worked, goal,
            Ratio(sales, attempts), Ratio(answered, attempts), Ratio(worked, received), Ratio(sales, goal), Ratio(effective, contacts));
    }

    /// <summary>The figures' rows of the operation, restricted to an agent's login or to the logins of a team's members.</summary>
    public static async Task<IQueryable<OutboundHourlyStat>> FilteredAsync(AppDbContext db, Guid operationId, OutboundFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var stats = db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == operationId);
        if (!string.IsNullOrWhiteSpace(filter.AgentLogin))
        {
            var login = filter.AgentLogin.Trim();
            stats = stats.Where(s => s.AgentLogin == login);
        }

        if (filter.TeamId is { } teamId)
        {
            var logins = await TeamLoginsAsync(db, operationId, teamId, ct);
            stats = stats.Where(s => logins.Contains(s.AgentLogin));
        }

        return stats;
    }

    /// <summary>The logins of the users with a membership in the team (of the operation).</summary>
    public static async Task<List<string>> TeamLoginsAsync(AppDbContext db, Guid operationId, Guid teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userIds = await db.Memberships.AsNoTracking().Where(m => m.OperationId == operationId && m.TeamId == teamId).Select(m => m.UserId).Distinct().ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.UserName != null).Select(u => u.UserName!).ToListAsync(ct);
    }

    /// <summary>Leads of the operation's open bases received by the end of <paramref name="to"/>, and those of them attempted by then.</summary>
    public static async Task<(long Received, long Worked)> CoverageAsync(AppDbContext db, Guid operationId, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var zone = await ZoneOfOperationAsync(db, operationId, ct);
        var end = StatsLookups.LocalStart(to.AddDays(1), zone);
        var baseIds = await db.LeadBases.AsNoTracking()
            .Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open && b.ReceivedAt < end)
            .Select(b => b.Id).ToListAsync(ct);
        if (baseIds.Count == 0)
        {
            return (0, 0);
        }

        var leads = db.Leads.AsNoTracking().Where(l => baseIds.Contains(l.BaseId));
        var received = await leads.LongCountAsync(ct);
        var worked = await leads.Where(l => l.FirstAttemptAt != null && l.FirstAttemptAt < end).LongCountAsync(ct);
        return (received, worked);
    }

    public static async Task<TimeZoneInfo> ZoneOfOperationAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clientId = await db.Operations.IgnoreQueryFilters().Where(o => o.Id == operationId).Select(o => o.ClientId).FirstAsync(ct);
        return await StatsLookups.ZoneAsync(db, clientId, ct);
    }

    /// <summary>
    /// One row per hour of the day's contact window (the campaign's windows for the weekday; a day without window — Sunday,
    /// a holiday when the campaign does not call on holidays — lists the hours that have attempts). Projected close =
    /// cumulative sales ÷ open hours elapsed × open hours of the day; during the current hour the elapsed part is counted
    /// up to now, and the hours still ahead carry the projection as of now.
    /// </summary>
    public async Task<HourlyReport> HourlyAsync(AppDbContext db, Guid operationId, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clientId = await db.Operations.IgnoreQueryFilters().Where(o => o.Id == operationId).Select(o => o.ClientId).FirstAsync(ct);
        var zone = await StatsLookups.ZoneAsync(db, clientId, ct);
        var byHour = (await db.OutboundHourlyStats.AsNoTracking().Where(s => s.OperationId == operationId && s.Day == date)
                .Select(s => new { s.Hour, s.AgentLogin, s.Attempts, s.Answered, s.Contacts, s.Sales }).ToListAsync(ct))
            .GroupBy(s => s.Hour)
            .ToDictionary(g => g.Key, g => new
            {
                Attempts = g.Sum(s => s.Attempts), Answered = g.Sum(s => s.Answered), Contacts = g.Sum(s => s.Contacts), Sales = g.Sum(s => s.Sales),
                Agents = g.Where(s => s.AgentLogin != "" && s.Attempts > 0).Select(s => s.AgentLogin).ToHashSet(StringComparer.Ordinal),
            });

        // The day's open spans (minutes from local midnight).
        var spans = await WindowsAsync(db, operationId, clientId, date, ct);
        if (spans.Count == 0)
        {
            spans = byHour.Keys.Order().Select(h => (h * 60, h * 60 + 60)).ToList();
        }

        var hours = spans.SelectMany(s => Enumerable.Range(s.Start / 60, Math.Max(0, (s.End + 59) / 60 - s.Start / 60))).Distinct().Order().ToList();
        var openMinutes = spans.Sum(s => s.End - s.Start);
        var goal = await SalesGoals.SumAsync(db, operationId, date, date, ct);
        var presence = await PresenceAsync(db, operationId, date, zone, hours, ct);

        var dayStart = StatsLookups.LocalStart(date, zone);
        var now = time.GetUtcNow();
        var nowMinute = (now - dayStart).TotalMinutes;
        var rows = new List<HourlyRow>(hours.Count);
        long cumulative = 0;
        decimal? frozen = null;
        foreach (var h in hours)
        {
            var f = byHour.GetValueOrDefault(h);
            var attempts = f?.Attempts ?? 0;
            var sales = f?.Sales ?? 0;
            var agents = Math.Max(f?.Agents.Count ?? 0, presence.GetValueOrDefault(h));
            cumulative += sales;
            decimal projected;
            if (frozen is { } carried)
            {
                projected = carried;
            }
            else
            {
                var upTo = Math.Min(h * 60 + 60.0, nowMinute);
                var elapsed = spans.Sum(s => Math.Max(0, Math.Min(s.End, upTo) - s.Start));
                projected = elapsed <= 0 ? 0m : Math.Round(cumulative / (decimal)elapsed * openMinutes, 2, MidpointRounding.AwayFromZero);
                if (nowMinute < h * 60 + 60)
                {
                    frozen = projected;
                }
            }

            rows.Add(new HourlyRow(
                $"{h:00}:00", attempts, f?.Answered ?? 0, f?.Contacts ?? 0, sales, agents, Ratio(sales, agents),
                cumulative, Ratio(cumulative, goal), projected));
        }

        return new HourlyReport(date, goal, rows);
    }

    /// <summary>The campaign's open spans of the date (minutes from local midnight); none on a holiday when the campaign does not call on holidays.</summary>
    private static async Task<List<(int Start, int End)>> WindowsAsync(AppDbContext db, Guid operationId, Guid clientId, DateOnly date, CancellationToken ct)
    {
        var campaign = await db.OutboundCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.OperationId == operationId, ct);
        if (campaign is null)
        {
            return [];
        }

        if (campaign.NoCallsOnHolidays && await Organization.Contracts.OperationCatalog.CalendarAsync(db, clientId, ct) is { } cal && cal.Calendar.IsHoliday(date))
        {
            return [];
        }

        return CampaignSettings.Windows(campaign).GetValueOrDefault(date.DayOfWeek, [])
            .Select(w => (w.Start.Hour * 60 + w.Start.Minute, w.End == TimeOnly.MinValue ? 1440 : w.End.Hour * 60 + w.End.Minute))
            .Where(w => w.Item2 > w.Item1)
            .OrderBy(w => w.Item1)
            .ToList();
    }

    /// <summary>Distinct agents logged in (any state but LoggedOut) at some moment of each local hour, from the presence log.</summary>
    private static async Task<Dictionary<int, int>> PresenceAsync(AppDbContext db, Guid operationId, DateOnly date, TimeZoneInfo zone, List<int> hours, CancellationToken ct)
    {
        var result = new Dictionary<int, int>();
        if (hours.Count == 0)
        {
            return result;
        }

        var dayStart = StatsLookups.LocalStart(date, zone);
        var dayEnd = StatsLookups.LocalStart(date.AddDays(1), zone);
        var changes = await db.AgentStateChanges.AsNoTracking()
            .Where(c => c.OperationId == operationId && c.At < dayEnd && c.At >= dayStart.AddDays(-1))
            .OrderBy(c => c.At)
            .Select(c => new { c.Login, c.State, c.At })
            .ToListAsync(ct);
        foreach (var h in hours)
        {
            var from = dayStart.AddHours(h);
            var to = from.AddHours(1);
            var logged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var agent in changes.GroupBy(c => c.Login))
            {
                var before = agent.LastOrDefault(c => c.At <= from);
                if ((before is not null && before.State != AgentFloorState.LoggedOut)
                    || agent.Any(c => c.At > from && c.At < to && c.State != AgentFloorState.LoggedOut))
                {
                    logged.Add(agent.Key);
                }
            }

            result[h] = logged.Count;
        }

        return result;
    }
}

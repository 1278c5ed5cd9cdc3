using ContactOps.Platform.Data;

namespace ContactOps.Modules.Adjustments;

/// <summary>The status of an agent's coaching for a week: "none" (no record), "committed" (the supervisor wrote the commitment), "acknowledged" (the agent signed "estoy enterado").</summary>
public static class CoachingStatus
{
    public const string None = "none";
    public const string Committed = "committed";
    public const string Acknowledged = "acknowledged";

    public static string Of(CoachingRecord? record) => record is null ? None : record.AcknowledgedAt is not null ? Acknowledged : record.Commitment is null ? None : Committed;
}

/// <summary>An agent's week: records carried by the week's cuts, rejections of the week, rate 0–100 (null when no records).</summary>
public sealed record AgentWeekRate(string Week, int Total, int Rejected, decimal? Rate);

/// <summary>
/// Whether the agent improved after the coaching: the baseline (the coached week's rejection rate, stored on the record) vs
/// each of the following weeks (up to 4 calendar weeks after it, only weeks in which the operation loaded cuts).
/// Verdict over the weeks in which the agent had records: "improved" when the rate over them (rejected ÷ total) is below
/// the baseline, "notImproved" otherwise, "noData" when there is no such week yet.
/// </summary>
public sealed record CoachingImprovement(decimal BaselineRate, IReadOnlyList<AgentWeekRate> Weeks, string Verdict)
{
    public const string Improved = "improved";
    public const string NotImproved = "notImproved";
    public const string NoData = "noData";
}

/// <summary>The weekly coaching figures (rejection = <see cref="AdjustmentFact.RejectedWithin"/> the week; total = records carried by the week's cuts).</summary>
public static class CoachingStats
{
    public const int FollowingWeeks = 4;

    /// <summary>Per front agent of the operation in the week: (total, rejected), from the records of the week's cuts.</summary>
    public static async Task<(List<AdjustmentFact> Facts, Dictionary<string, (int Total, int Rejected)> ByAgent)> WeekAsync(
        AppDbContext db, Guid operationId, IsoWeekRef week, CancellationToken ct, string? agentLogin = null, bool bypassTenancy = false)
    {
        var facts = await AdjustmentFacts.LoadAsync(db, operationId, week.Monday, week.Sunday, ct, agentLogin, bypassTenancy);
        var byAgent = facts.GroupBy(f => f.AgentLogin, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(f => f.RejectedWithin(week.Monday, week.Sunday))), StringComparer.Ordinal);
        return (facts, byAgent);
    }

    public static decimal Rate(int rejected, int total) => KpiCounts.Pct(rejected, total);

    public static async Task<CoachingImprovement> ImprovementAsync(AppDbContext db, CoachingRecord record, CancellationToken ct, bool bypassTenancy = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var baseline = Rate(record.Rejected, record.Total);
        var coached = AdjustmentsReportAccess.Week(record.IsoWeek);
        if (!coached.IsSuccess)
        {
            return new CoachingImprovement(baseline, [], CoachingImprovement.NoData);
        }

        var first = coached.Value.Next;
        var last = first;
        for (var i = 1; i < FollowingWeeks; i++)
        {
            last = last.Next;
        }

        var withCuts = await AdjustmentFacts.WeeksWithCutsAsync(db, record.OperationId, first.Monday, last.Sunday, ct, bypassTenancy);
        var weeks = new List<AgentWeekRate>();
        for (var w = first; w.Monday <= last.Monday; w = w.Next)
        {
            if (!withCuts.Contains(w))
            {
                continue;
            }

            var (_, byAgent) = await WeekAsync(db, record.OperationId, w, ct, record.AgentLogin, bypassTenancy);
            var (total, rejected) = byAgent.GetValueOrDefault(record.AgentLogin);
            weeks.Add(new AgentWeekRate(w.ToString(), total, rejected, total == 0 ? null : Rate(rejected, total)));
        }

        var seen = weeks.Where(w => w.Total > 0).ToList();
        var verdict = seen.Count == 0
            ? CoachingImprovement.NoData
            : Rate(seen.Sum(w => w.Rejected), seen.Sum(w => w.Total)) < baseline ? CoachingImprovement.Improved : CoachingImprovement.NotImproved;
        return new CoachingImprovement(baseline, weeks, verdict);
    }
}

/// <summary>A coaching record as the supervisor's and the agent's pages show it.</summary>
public sealed record CoachingView(
    Guid Id,
    string Operation,
    string OperationName,
    string Week,
    string Login,
    int Rejected,
    int Total,
    decimal BaselineRate,
    string? Commitment,
    string? SupervisorName,
    DateTimeOffset? CommittedAt,
    DateTimeOffset? AcknowledgedAt,
    string Status,
    CoachingImprovement? Improvement)
{
    public static CoachingView Of(CoachingRecord r, string operation, string operationName, CoachingImprovement? improvement)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, operation, operationName, r.IsoWeek, r.AgentLogin, r.Rejected, r.Total, CoachingStats.Rate(r.Rejected, r.Total), r.Commitment, r.SupervisorName,
            r.CommittedAt, r.AcknowledgedAt, CoachingStatus.Of(r), improvement);
    }
}

using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary><c>report adjustments-top</c> / GET /api/v1/adjustments/coaching/top?operation=&amp;week=yyyy-Www.</summary>
public sealed record CoachingTopRequest(string? Operation, string? Week);

public sealed record ReasonCount(string Reason, int Count);

public sealed record CauseCount(string Letter, string Name, int Count);

/// <summary>
/// One agent of the week's top 5. <c>rejectionRate</c> = rejected ÷ total × 100 (2 decimals). <c>coaching</c>: none |
/// committed | acknowledged, with the record's id, commitment and acknowledgement time when there is one.
/// </summary>
public sealed record CoachingTopAgent(
    int Rank,
    string Login,
    int Total,
    int Rejected,
    decimal RejectionRate,
    IReadOnlyList<ReasonCount> Reasons,
    IReadOnlyList<CauseCount> Causes,
    string Coaching,
    Guid? CoachingId,
    string? Commitment,
    string? SupervisorName,
    DateTimeOffset? AcknowledgedAt,
    CoachingImprovement? Improvement);

public sealed record CoachingTop(string Operation, string Week, DateOnly From, DateOnly To, IReadOnlyList<CoachingTopAgent> Agents);

/// <summary>
/// The week's top 5 front agents by adjustments rejected by the back office: a rejection belongs to the ISO week of its
/// <see cref="Adjustment.RejectedCutoff"/> and does not count once the cell corrected it (it was the back office's error).
/// Total = the agent's records carried by the week's cuts. Only agents with at least one rejection are ranked.
/// Ties: rejected (desc), then rejection rate (desc), then login (ordinal, asc) — deterministic on every engine.
/// Reasons: the rejected records' rejection reasons ("(sin motivo)" when empty), count desc then text; causes: letter + name, count desc then letter.
/// </summary>
public sealed class GetCoachingTop(AppDbContext db, AccessScope scope)
{
    public const int Size = 5;
    public const string NoReason = "(sin motivo)";

    public async Task<Result<CoachingTop>> HandleAsync(CoachingTopRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var week = AdjustmentsReportAccess.Week(request.Week);
        if (!week.IsSuccess)
        {
            return week.Error!;
        }

        var op = await AdjustmentsReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        return await TopAsync(db, op.Value!, week.Value, withImprovement: true, ct);
    }

    /// <summary>The top of a week for an operation already resolved (also used to check a commitment's agent).</summary>
    public static async Task<CoachingTop> TopAsync(AppDbContext db, AdjustmentsOperation op, IsoWeekRef week, bool withImprovement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(op);
        var (facts, byAgent) = await CoachingStats.WeekAsync(db, op.Id, week, ct);
        var causes = await AdjustmentFacts.CauseNamesAsync(db, op.Id, ct);
        var weekText = week.ToString();
        var records = await db.CoachingRecords.AsNoTracking().Where(c => c.OperationId == op.Id && c.IsoWeek == weekText).ToListAsync(ct);
        var recordOf = records.ToDictionary(r => r.AgentLogin, StringComparer.Ordinal);

        var ranked = byAgent.Where(kv => kv.Value.Rejected > 0)
            .Select(kv => (Login: kv.Key, kv.Value.Total, kv.Value.Rejected, Rate: CoachingStats.Rate(kv.Value.Rejected, kv.Value.Total)))
            .OrderByDescending(a => a.Rejected)
            .ThenByDescending(a => a.Rate)
            .ThenBy(a => a.Login, StringComparer.Ordinal)
            .Take(Size)
            .ToList();

        var agents = new List<CoachingTopAgent>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var a = ranked[i];
            var rejected = facts.Where(f => string.Equals(f.AgentLogin, a.Login, StringComparison.Ordinal) && f.RejectedWithin(week.Monday, week.Sunday)).ToList();
            var reasons = rejected.GroupBy(f => string.IsNullOrWhiteSpace(f.RejectionReason) ? NoReason : f.RejectionReason.Trim(), StringComparer.Ordinal)
                .Select(g => new ReasonCount(g.Key, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
                .ToList();
            var byCause = rejected.GroupBy(f => f.CauseLetter, StringComparer.Ordinal)
                .Select(g => new CauseCount(g.Key, causes.GetValueOrDefault(g.Key, ""), g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Letter, StringComparer.Ordinal)
                .ToList();
            var record = recordOf.GetValueOrDefault(a.Login);
            var improvement = withImprovement && record?.Commitment is not null ? await CoachingStats.ImprovementAsync(db, record, ct) : null;
            agents.Add(new CoachingTopAgent(i + 1, a.Login, a.Total, a.Rejected, a.Rate, reasons, byCause, CoachingStatus.Of(record), record?.Id, record?.Commitment,
                record?.SupervisorName, record?.AcknowledgedAt, improvement));
        }

        return new CoachingTop(op.Code, weekText, week.Monday, week.Sunday, agents);
    }
}

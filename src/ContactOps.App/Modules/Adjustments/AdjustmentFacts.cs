using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>
/// The light row every adjustments report reads: who filed it, its cause, and the KPI facts (shared semantics of issue 6):
/// <b>rejected</b> = the back office rejected it (<see cref="Adjustment.RejectedCutoff"/> set) and the cell did not find the
/// rejection wrong (not <see cref="Adjustment.Corrected"/>); <b>corrected</b> = the cell contested a wrong rejection and
/// re-escalated it; <b>applied</b> = the back office approved it (<see cref="Adjustment.ApprovedCutoff"/> set).
/// A record can be rejected and applied at once (the carrier rejected it, then approved it in a later cut without the cell contesting).
/// </summary>
public sealed record AdjustmentFact(Guid Id, string AgentLogin, string CauseLetter, DateOnly? RejectedCutoff, bool Corrected, DateOnly? ApprovedCutoff, string? RejectionReason)
{
    public bool IsRejected => RejectedCutoff is not null && !Corrected;

    public bool IsCorrected => Corrected;

    public bool IsApplied => ApprovedCutoff is not null;

    /// <summary>Rejected by the back office within [from, to] and not corrected: the weekly coaching's rejection.</summary>
    public bool RejectedWithin(DateOnly from, DateOnly to) => RejectedCutoff is { } r && r >= from && r <= to && !Corrected;
}

/// <summary>Counts of one group of records and the three KPI percentages (0–100, 2 decimals, 0 when there are no records).</summary>
public sealed record KpiCounts(int Total, int Rejected, int Corrected, int Applied)
{
    public decimal RejectedPct => Pct(Rejected, Total);

    public decimal CorrectedPct => Pct(Corrected, Total);

    public decimal AppliedPct => Pct(Applied, Total);

    public static KpiCounts Of(IReadOnlyCollection<AdjustmentFact> facts) =>
        new(facts.Count, facts.Count(f => f.IsRejected), facts.Count(f => f.IsCorrected), facts.Count(f => f.IsApplied));

    public static decimal Pct(int numerator, int total) => total == 0 ? 0 : Math.Round(100m * numerator / total, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Loads the records of a period: the adjustments that appear in at least one cut whose cut-off is within [from, to].</summary>
public static class AdjustmentFacts
{
    /// <summary>
    /// The operation's adjustments with at least one cut record in [from, to] (inclusive), optionally of one front agent.
    /// <paramref name="bypassTenancy"/> is only for the agent's own coaching view, which is restricted to the caller's login
    /// by its caller (<see cref="Features.ListMyCoaching"/>): the operation id is always explicit.
    /// </summary>
    public static IQueryable<Adjustment> InPeriod(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, string? agentLogin = null, bool bypassTenancy = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var adjustments = bypassTenancy ? db.Adjustments.IgnoreQueryFilters() : db.Adjustments;
        var cuts = bypassTenancy ? db.AdjustmentCutRecords.IgnoreQueryFilters() : db.AdjustmentCutRecords;
        var q = adjustments.AsNoTracking().Where(a => a.OperationId == operationId
            && cuts.Any(r => r.AdjustmentId == a.Id && r.OperationId == operationId && r.Cutoff >= from && r.Cutoff <= to));
        if (!string.IsNullOrWhiteSpace(agentLogin))
        {
            var login = agentLogin.Trim().ToLowerInvariant();
            q = q.Where(a => a.AgentLogin == login);
        }

        return q;
    }

    public static Task<List<AdjustmentFact>> LoadAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, CancellationToken ct, string? agentLogin = null, bool bypassTenancy = false) =>
        InPeriod(db, operationId, from, to, agentLogin, bypassTenancy)
            .Select(a => new AdjustmentFact(a.Id, a.AgentLogin, a.CauseLetter, a.RejectedCutoff, a.Corrected, a.ApprovedCutoff, a.RejectionReason))
            .ToListAsync(ct);

    /// <summary>The (adjustment, cut-off) pairs of the period: which records each cut-off (and so each week) carried.</summary>
    public static async Task<List<(Guid AdjustmentId, DateOnly Cutoff)>> CutsAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.AdjustmentCutRecords.AsNoTracking()
            .Where(r => r.OperationId == operationId && r.Cutoff >= from && r.Cutoff <= to)
            .Select(r => new { r.AdjustmentId, r.Cutoff })
            .ToListAsync(ct);
        return rows.Select(r => (r.AdjustmentId, r.Cutoff)).ToList();
    }

    /// <summary>The operation's causes: letter → name.</summary>
    public static async Task<Dictionary<string, string>> CauseNamesAsync(AppDbContext db, Guid operationId, CancellationToken ct, bool bypassTenancy = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var causes = bypassTenancy ? db.AdjustmentCauses.IgnoreQueryFilters() : db.AdjustmentCauses;
        return await causes.AsNoTracking().Where(c => c.OperationId == operationId).ToDictionaryAsync(c => c.Letter, c => c.Name, StringComparer.Ordinal, ct);
    }

    /// <summary>The ISO weeks in [from, to] in which the operation loaded at least one cut.</summary>
    public static async Task<HashSet<IsoWeekRef>> WeeksWithCutsAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, CancellationToken ct, bool bypassTenancy = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cuts = bypassTenancy ? db.AdjustmentCutRecords.IgnoreQueryFilters() : db.AdjustmentCutRecords;
        var dates = await cuts.AsNoTracking().Where(r => r.OperationId == operationId && r.Cutoff >= from && r.Cutoff <= to).Select(r => r.Cutoff).Distinct().ToListAsync(ct);
        return dates.Select(IsoWeekRef.Of).ToHashSet();
    }
}

using System.Globalization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary><c>report adjustments</c> / GET /api/v1/adjustments/kpis: local dates inclusive (yyyy-MM-dd), optional front-agent login.</summary>
public sealed record AdjustmentsKpisRequest(string? Operation, string? From, string? To, string? Agent = null);

/// <summary>One front agent's counts in the period.</summary>
public sealed record AdjustmentsAgentKpis(string Login, int Total, int Rejected, int Corrected, int Applied);

/// <summary>
/// The cell's KPIs exactly as the issue specifies them (the CLI's and the API's JSON):
/// {"total","rejected","corrected","applied","rejectedPct","correctedPct","appliedPct","byAgent":[{"login","total","rejected","corrected","applied"}]}.
/// </summary>
public sealed record AdjustmentsKpis(int Total, int Rejected, int Corrected, int Applied, decimal RejectedPct, decimal CorrectedPct, decimal AppliedPct, IReadOnlyList<AdjustmentsAgentKpis> ByAgent);

/// <summary>One group of the charts (an ISO week or a cause) with its counts and percentages.</summary>
public sealed record AdjustmentsKpiGroup(string Key, string Label, DateOnly? From, DateOnly? To, int Total, int Rejected, int Corrected, int Applied, decimal RejectedPct, decimal CorrectedPct, decimal AppliedPct)
{
    public static AdjustmentsKpiGroup Of(string key, string label, DateOnly? from, DateOnly? to, KpiCounts c) =>
        new(key, label, from, to, c.Total, c.Rejected, c.Corrected, c.Applied, c.RejectedPct, c.CorrectedPct, c.AppliedPct);
}

/// <summary>What the KPI page and the XLSX export show: the KPIs plus the breakdowns by ISO week and by cause, and the applied-rate target.</summary>
public sealed record AdjustmentsKpiDetail(string Operation, string OperationName, DateOnly From, DateOnly To, string? Agent, decimal? AppliedTarget, AdjustmentsKpis Kpis, IReadOnlyList<AdjustmentsKpiGroup> ByWeek, IReadOnlyList<AdjustmentsKpiGroup> ByCause);

/// <summary>
/// The cell's KPIs over the records the carrier sent in the period's cuts (an adjustment is a record of the period when at
/// least one of its cut records has a cut-off in [from, to]; both ends inclusive): rejected % = rejected ÷ total × 100,
/// corrected % = corrected ÷ total × 100, applied % = applied ÷ total × 100 (flags: <see cref="AdjustmentFact"/>), rounded to
/// 2 decimals (away from zero), 0 when there are no records. By agent ordered by login (ordinal). By week: every ISO week
/// touching the period is computed as its own period (its Monday..Sunday clipped to [from, to]), so a record carried by cuts
/// of two weeks counts in both; by cause: the record's latest cause letter.
/// </summary>
public sealed class GetAdjustmentsKpis(AppDbContext db, AccessScope scope)
{
    public async Task<Result<AdjustmentsKpis>> HandleAsync(AdjustmentsKpisRequest request, CancellationToken ct)
    {
        var detail = await DetailAsync(request, ct);
        return detail.IsSuccess ? detail.Value!.Kpis : detail.Error!;
    }

    public async Task<Result<AdjustmentsKpiDetail>> DetailAsync(AdjustmentsKpisRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = AdjustmentsReportAccess.Period(request.From, request.To);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var op = await AdjustmentsReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var (from, to) = period.Value;
        var agent = string.IsNullOrWhiteSpace(request.Agent) ? null : request.Agent.Trim().ToLowerInvariant();
        var facts = await AdjustmentFacts.LoadAsync(db, op.Value!.Id, from, to, ct, agent);
        var cuts = await AdjustmentFacts.CutsAsync(db, op.Value.Id, from, to, ct);
        var causes = await AdjustmentFacts.CauseNamesAsync(db, op.Value.Id, ct);
        var targets = await Organization.Contracts.OrganizationLookups.KpiTargetsAsync(db, op.Value.Id, ct);
        return Compute(op.Value.Code, op.Value.Name, from, to, agent, targets.TryGetValue("appliedRate", out var t) ? t : null, facts, cuts, causes);
    }

    /// <summary>Pure computation (also used by the KPI provider of /reports).</summary>
    public static AdjustmentsKpiDetail Compute(string operation, string operationName, DateOnly from, DateOnly to, string? agent, decimal? appliedTarget,
        IReadOnlyList<AdjustmentFact> facts, IReadOnlyList<(Guid AdjustmentId, DateOnly Cutoff)> cuts, IReadOnlyDictionary<string, string> causes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(cuts);
        ArgumentNullException.ThrowIfNull(causes);
        var all = KpiCounts.Of(facts);
        var byAgent = facts.GroupBy(f => f.AgentLogin, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var c = KpiCounts.Of(g.ToList());
                return new AdjustmentsAgentKpis(g.Key, c.Total, c.Rejected, c.Corrected, c.Applied);
            })
            .ToList();
        var kpis = new AdjustmentsKpis(all.Total, all.Rejected, all.Corrected, all.Applied, all.RejectedPct, all.CorrectedPct, all.AppliedPct, byAgent);

        var byId = facts.ToDictionary(f => f.Id);
        var byWeek = new List<AdjustmentsKpiGroup>();
        for (var week = IsoWeekRef.Of(from); week.Monday <= to; week = week.Next)
        {
            var wFrom = week.Monday < from ? from : week.Monday;
            var wTo = week.Sunday > to ? to : week.Sunday;
            var inWeek = cuts.Where(c => c.Cutoff >= wFrom && c.Cutoff <= wTo).Select(c => c.AdjustmentId).Distinct()
                .Select(id => byId.GetValueOrDefault(id)).OfType<AdjustmentFact>().ToList();
            byWeek.Add(AdjustmentsKpiGroup.Of(week.ToString(), week.ToString(), wFrom, wTo, KpiCounts.Of(inWeek)));
        }

        var byCause = facts.GroupBy(f => f.CauseLetter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => AdjustmentsKpiGroup.Of(g.Key, causes.TryGetValue(g.Key, out var n) ? string.Create(CultureInfo.InvariantCulture, $"{g.Key} · {n}") : g.Key, null, null, KpiCounts.Of(g.ToList())))
            .ToList();
        return new AdjustmentsKpiDetail(operation, operationName, from, to, agent, appliedTarget, kpis, byWeek, byCause);
    }
}

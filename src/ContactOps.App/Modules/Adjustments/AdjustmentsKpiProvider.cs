using System.Globalization;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>
/// The "adjustments" section of /reports for adjustments cells: rejected %, corrected % and applied % (target
/// <c>appliedRate</c> from the operation's KPI targets) over the records of the period's cuts, per bucket, by cause, by
/// front agent; every figure drills down to /adjustments/kpis/records. Same formulas as <see cref="GetAdjustmentsKpis"/>.
/// </summary>
public sealed class AdjustmentsKpiProvider : IKpiProvider
{
    public string Key => "adjustments";

    public int Order => 6;

    public bool AppliesTo(OperationKind kind) => kind == OperationKind.Adjustments;

    public async Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        string? agent = query.AgentUserId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct) : null;
        if (query.AgentUserId is not null && agent is null)
        {
            return null;
        }

        var facts = await AdjustmentFacts.LoadAsync(db, query.OperationId, query.From, query.To, ct, agent);
        var cuts = await AdjustmentFacts.CutsAsync(db, query.OperationId, query.From, query.To, ct);
        var causes = await AdjustmentFacts.CauseNamesAsync(db, query.OperationId, ct);
        var d = GetAdjustmentsKpis.Compute(query.OperationCode, "", query.From, query.To, agent, query.Target("appliedRate"), facts, cuts, causes);
        var k = d.Kpis;
        var drill = "/adjustments/kpis/records?" + query.PeriodQuery + (agent is null ? "" : "&agent=" + Uri.EscapeDataString(agent.ToLowerInvariant()));
        var figures = new List<KpiFigure>
        {
            KpiFigure.Ratio("rejectedRate", "Rechazados (mal radicados ÷ registros)", k.Rejected, k.Total, query.Target("rejectedRate"), drill + "&flag=rejected"),
            KpiFigure.Ratio("correctedRate", "Corregidos (rechazo errado ÷ registros)", k.Corrected, k.Total, query.Target("correctedRate"), drill + "&flag=corrected"),
            KpiFigure.Ratio("appliedRate", "Aplicados (aplicados ÷ registros)", k.Applied, k.Total, query.Target("appliedRate"), drill + "&flag=applied"),
            KpiFigure.Count("adjustments", "Registros de los cortes del periodo", k.Total, drill),
        };

        // Trends: each bucket computed as its own period (its days within the report's period).
        var byId = facts.ToDictionary(f => f.Id);
        var n = query.Buckets.Count;
        var rejected = new decimal[n];
        var corrected = new decimal[n];
        var applied = new decimal[n];
        var totals = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            var start = query.Buckets[i] < query.From ? query.From : query.Buckets[i];
            var end = i + 1 < n ? query.Buckets[i + 1].AddDays(-1) : query.To;
            var c = KpiCounts.Of(cuts.Where(x => x.Cutoff >= start && x.Cutoff <= end).Select(x => x.AdjustmentId).Distinct()
                .Select(x => byId.GetValueOrDefault(x)).OfType<AdjustmentFact>().ToList());
            rejected[i] = KpiBreakdowns.Fraction(c.Rejected, c.Total);
            corrected[i] = KpiBreakdowns.Fraction(c.Corrected, c.Total);
            applied[i] = KpiBreakdowns.Fraction(c.Applied, c.Total);
            totals[i] = c.Total;
        }

        var series = new List<KpiSeries>
        {
            new("rejectedRate", "Rechazados", KpiFormat.Percent, rejected),
            new("correctedRate", "Corregidos", KpiFormat.Percent, corrected),
            new("appliedRate", "Aplicados", KpiFormat.Percent, applied),
            new("adjustments", "Registros", KpiFormat.Count, totals),
        };
        var distributions = new List<KpiDistribution>
        {
            new("byCause", "Registros por causal", d.ByCause.Select(g => new KpiSlice(g.Key, g.Label, g.Total, drill + "&cause=" + Uri.EscapeDataString(g.Key))).ToList()),
        };
        var columns = new List<KpiColumn>
        {
            new("adjustments", "Registros", KpiFormat.Count),
            new("rejected", "Rechazados", KpiFormat.Count),
            new("corrected", "Corregidos", KpiFormat.Count),
            new("applied", "Aplicados", KpiFormat.Count),
            new("rejectedRate", "% rechazados", KpiFormat.Percent),
            new("correctedRate", "% corregidos", KpiFormat.Percent),
            new("appliedRate", "% aplicados", KpiFormat.Percent),
        };
        var period = "/adjustments/kpis/records?" + query.PeriodQuery;
        var byAgent = k.ByAgent.Select(a => new KpiBreakdownRow(null, a.Login == "" ? "(sin asesor)" : a.Login, new Dictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["adjustments"] = a.Total,
                ["rejected"] = a.Rejected,
                ["corrected"] = a.Corrected,
                ["applied"] = a.Applied,
                ["rejectedRate"] = KpiBreakdowns.Fraction(a.Rejected, a.Total),
                ["correctedRate"] = KpiBreakdowns.Fraction(a.Corrected, a.Total),
                ["appliedRate"] = KpiBreakdowns.Fraction(a.Applied, a.Total),
            }, string.Create(CultureInfo.InvariantCulture, $"{period}&agent={Uri.EscapeDataString(a.Login)}")))
            .ToList();
        return new KpiSection(Key, "Célula de ajustes", figures, series, distributions, columns, byAgent, []);
    }
}

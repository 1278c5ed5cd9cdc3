using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>
/// The sales-sheet reconciliation KPI of PROCEDURES §2: per cut (carrier sheet reconciled in the period), how many of
/// our sales were missing at the carrier and how many were claimed; plus the claims' answers.
/// </summary>
public sealed class ReconciliationKpiProvider : IKpiProvider
{
    public string Key => "reconciliation";

    public int Order => 30;

    public bool AppliesTo(OperationKind kind) => kind is OperationKind.InboundSales or OperationKind.SalesCell or OperationKind.Outbound or OperationKind.DigitalSales;

    public async Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var cuts = await db.ReconciliationCuts.AsNoTracking()
            .Where(c => c.OperationId == query.OperationId && c.CutDate >= query.From && c.CutDate <= query.To)
            .OrderBy(c => c.CutDate)
            .Select(c => new { c.Id, c.CutDate, c.Ours, c.Carrier, c.Matched, c.MissingAtCarrier, c.CarrierOnly, c.Mismatched, c.Claimed })
            .ToListAsync(ct);
        if (cuts.Count == 0)
        {
            return null;
        }

        var cutIds = cuts.Select(c => c.Id).ToList();
        var claims = await db.SaleClaims.AsNoTracking().Where(c => cutIds.Contains(c.CutId)).Select(c => new { c.State, c.Outcome }).ToListAsync(ct);
        var page = "/sales/reconciliation";
        var missing = cuts.Sum(c => c.MissingAtCarrier);
        var claimed = cuts.Sum(c => c.Claimed);
        var figures = new List<KpiFigure>
        {
            KpiFigure.Count("reconciliationCuts", "Cortes conciliados", cuts.Count, page),
            KpiFigure.Count("missingAtCarrier", "Ventas faltantes en la hoja del operador", missing, page),
            KpiFigure.Ratio("claimedShare", "Faltantes reclamadas", claimed, missing, query.Target("claimedShare"), page),
            KpiFigure.Count("mismatched", "Ventas con diferencias", cuts.Sum(c => c.Mismatched), page),
            KpiFigure.Count("claimsAccepted", "Reclamos aceptados", claims.LongCount(c => c.Outcome == ClaimOutcome.Accepted), page),
            KpiFigure.Count("claimsPending", "Reclamos sin respuesta", claims.LongCount(c => c.State != ClaimState.Answered), page),
        };

        var missingSeries = new decimal[query.Buckets.Count];
        var claimedSeries = new decimal[query.Buckets.Count];
        foreach (var c in cuts)
        {
            var i = query.BucketIndex(c.CutDate);
            if (i >= 0)
            {
                missingSeries[i] += c.MissingAtCarrier;
                claimedSeries[i] += c.Claimed;
            }
        }

        var lastCut = cuts[^1];
        var distribution = new KpiDistribution("lastCut", string.Create(CultureInfo.InvariantCulture, $"Último corte ({lastCut.CutDate:yyyy-MM-dd})"),
        [
            new KpiSlice("matched", "Coinciden", lastCut.Matched, page),
            new KpiSlice("missingAtCarrier", "Faltan en el operador", lastCut.MissingAtCarrier, page),
            new KpiSlice("carrierOnly", "Solo en el operador", lastCut.CarrierOnly, page),
            new KpiSlice("mismatched", "Con diferencias", lastCut.Mismatched, page),
        ]);

        return new KpiSection(
            Key,
            "Conciliación de la hoja de ventas",
            figures,
            [new KpiSeries("missingAtCarrier", "Faltantes", KpiFormat.Count, missingSeries), new KpiSeries("claimed", "Reclamadas", KpiFormat.Count, claimedSeries)],
            [distribution],
            [],
            [],
            []);
    }
}

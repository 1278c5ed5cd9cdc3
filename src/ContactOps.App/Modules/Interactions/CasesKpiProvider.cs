using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Sales.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions;

/// <summary>
/// Inbound cases KPIs (PROCEDURES §1): cases handled, FCR = 1 − (second interactions of the same typology ÷ cases closed
/// as solved in first contact), escalations answered on time / overdue, and typification to the sales sheet (cases
/// closed with a sale disposition that have their sale on the sheet ÷ cases closed with a sale disposition).
/// </summary>
public sealed class CasesKpiProvider(TimeProvider time) : IKpiProvider
{
    public string Key => "cases";

    public int Order => 10;

    public bool AppliesTo(OperationKind kind) => kind is OperationKind.InboundSales or OperationKind.SalesCell or OperationKind.Adjustments or OperationKind.DigitalSales;

    public async Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var from = query.FromUtc;
        var to = query.ToUtcExclusive;
        var cases = (await db.Interactions.AsNoTracking()
                .Where(i => i.OperationId == query.OperationId && i.OpenedAt >= from && i.OpenedAt < to)
                .Select(i => new CaseRow(i.Id, i.OpenedAt, i.ClosedAt, i.AgentUserId, i.Resolution, i.SolvedInFirstContact, i.DispositionId))
                .ToListAsync(ct))
            .Where(c => query.Includes(c.Agent))
            .ToList();
        var escalations = (await db.Escalations.AsNoTracking()
                .Where(e => e.OperationId == query.OperationId && e.OpenedAt >= from && e.OpenedAt < to)
                .Join(db.Interactions.AsNoTracking(), e => e.InteractionId, i => i.Id, (e, i) => new EscalationRow(e.OpenedAt, e.DueAt, e.AnsweredAt, e.State, i.AgentUserId))
                .ToListAsync(ct))
            .Where(e => query.Includes(e.Agent))
            .ToList();

        if (cases.Count == 0 && escalations.Count == 0 && query.OperationKind != OperationKind.InboundSales)
        {
            return null; // operations that take no inbound cases show no empty section
        }

        var saleDispositions = (await OperationCatalog.DispositionsAsync(db, query.OperationId, ct)).Where(d => d.IsSale).Select(d => d.Id).ToHashSet();
        var withSaleDisposition = cases.Where(c => c.DispositionId is { } d && saleDispositions.Contains(d)).ToList();
        var onSheet = await SalesLookups.InteractionsWithSaleAsync(db, withSaleDisposition.Select(c => c.Id).ToList(), ct);
        var now = time.GetUtcNow();

        var list = "/escalations";
        var figures = new List<KpiFigure>
        {
            KpiFigure.Count("cases", "Casos atendidos", cases.Count),
            Fcr(cases, query.Target("fcr")),
            KpiFigure.Count("escalations", "Escalamientos", escalations.Count, list),
            KpiFigure.Ratio("escalationsOnTime", "Escalamientos respondidos a tiempo", escalations.LongCount(e => OnTime(e)), escalations.LongCount(e => Settled(e, now)), query.Target("escalationsOnTime"), list),
            KpiFigure.Count("escalationsOverdue", "Escalamientos vencidos sin respuesta", escalations.LongCount(e => e.State == EscalationState.Open && e.DueAt < now), list + "?filter=overdue"),
            KpiFigure.Ratio("salesSheetTypification", "Tipificación en la hoja de ventas", withSaleDisposition.LongCount(c => onSheet.Contains(c.Id)), withSaleDisposition.Count, query.Target("salesSheetTypification"), "/sales?" + query.PeriodQuery),
        };

        var n = query.Buckets.Count;
        var casesPerBucket = new decimal[n];
        var solved = new long[n];
        var reopened = new long[n];
        foreach (var c in cases)
        {
            var i = query.BucketOf(c.OpenedAt);
            if (i < 0)
            {
                continue;
            }

            casesPerBucket[i]++;
            if (c.Resolution == InteractionResolution.SolvedFirstContact)
            {
                solved[i]++;
                reopened[i] += c.SolvedInFirstContact == false ? 1 : 0;
            }
        }

        var series = new List<KpiSeries>
        {
            new("cases", "Casos atendidos", KpiFormat.Count, casesPerBucket),
            new("fcr", "FCR", KpiFormat.Percent, Enumerable.Range(0, n).Select(i => solved[i] == 0 ? 0 : 1 - KpiBreakdowns.Fraction(reopened[i], solved[i])).ToList()),
        };

        var resolution = new KpiDistribution("byResolution", "Casos por resultado",
        [
            new KpiSlice("SolvedFirstContact", "Resueltos en primer contacto", cases.LongCount(c => c.Resolution == InteractionResolution.SolvedFirstContact && c.SolvedInFirstContact != false)),
            new KpiSlice("Reopened", "Reincidentes (segunda interacción)", cases.LongCount(c => c.Resolution == InteractionResolution.SolvedFirstContact && c.SolvedInFirstContact == false)),
            new KpiSlice("Escalated", "Escalados", cases.LongCount(c => c.Resolution == InteractionResolution.Escalated)),
            new KpiSlice("Abandoned", "Cerrados por abandono (regla)", cases.LongCount(c => c.Resolution == InteractionResolution.Abandoned)),
            new KpiSlice("Open", "Sin cerrar", cases.LongCount(c => c.ClosedAt is null)),
        ]);

        var columns = new List<KpiColumn>
        {
            new("cases", "Casos", KpiFormat.Count),
            new("fcr", "FCR", KpiFormat.Percent),
            new("escalated", "Escalados", KpiFormat.Count),
            new("salesSheetTypification", "Tipificación en hoja de ventas", KpiFormat.Percent),
        };
        var (byAgent, byTeam) = KpiBreakdowns.Build(query, cases, c => c.Agent, g =>
        {
            var sale = g.Where(c => c.DispositionId is { } d && saleDispositions.Contains(d)).ToList();
            return new Dictionary<string, decimal>(StringComparer.Ordinal)
            {
                ["cases"] = g.Count,
                ["fcr"] = Fcr(g, null).Value,
                ["escalated"] = g.Count(c => c.Resolution == InteractionResolution.Escalated),
                ["salesSheetTypification"] = KpiBreakdowns.Fraction(sale.Count(c => onSheet.Contains(c.Id)), sale.Count),
            };
        });

        return new KpiSection(Key, "Casos entrantes", figures, series, [resolution], columns, byAgent, byTeam);
    }

    /// <summary>FCR = 1 − reopened ÷ solved-in-first-contact (0 when nothing was closed as solved).</summary>
    private static KpiFigure Fcr(IReadOnlyCollection<CaseRow> cases, decimal? target)
    {
        var solved = cases.LongCount(c => c.Resolution == InteractionResolution.SolvedFirstContact);
        var kept = cases.LongCount(c => c.Resolution == InteractionResolution.SolvedFirstContact && c.SolvedInFirstContact != false);
        return KpiFigure.Ratio("fcr", "FCR (resueltos en primer contacto)", kept, solved, target);
    }

    private static bool OnTime(EscalationRow e) => e.State == EscalationState.Answered && e.AnsweredAt <= e.DueAt;

    /// <summary>Escalations whose punctuality is known: answered, or still open past their due instant.</summary>
    private static bool Settled(EscalationRow e, DateTimeOffset now) => e.State == EscalationState.Answered || e.DueAt < now;

    private sealed record CaseRow(Guid Id, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, Guid? Agent, InteractionResolution? Resolution, bool? SolvedInFirstContact, Guid? DispositionId);

    private sealed record EscalationRow(DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, EscalationState State, Guid? Agent);
}

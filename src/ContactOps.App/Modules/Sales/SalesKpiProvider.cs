using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>
/// Sales KPIs of an operation: sales by kind and state, conversion of sales to installed/delivered, legalized share,
/// value sold; by day/week/month, agent and team. Every figure links to the sales sheet filtered to its records.
/// </summary>
public sealed class SalesKpiProvider : IKpiProvider
{
    private static readonly SaleState[] Converted = [SaleState.Installed, SaleState.Delivered, SaleState.Legalized];
    private static readonly SaleState[] Lost = [SaleState.Rejected, SaleState.Cancelled, SaleState.NotInstalled];

    public string Key => "sales";

    public int Order => 20;

    public bool AppliesTo(OperationKind kind) => kind is OperationKind.InboundSales or OperationKind.SalesCell or OperationKind.Outbound or OperationKind.DigitalSales;

    /// <summary>
    /// The sales of the operation: those it registered (the front's view) and those routed to it as back office
    /// (the sales cell's view of the sales it works).
    /// </summary>
    public async Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var from = query.FromUtc;
        var to = query.ToUtcExclusive;
        var rows = (await db.Sales.AsNoTracking()
                .Where(s => (s.OperationId == query.OperationId || s.BackOfficeOperationId == query.OperationId) && s.SoldAt >= from && s.SoldAt < to)
                .Select(s => new Row(s.SoldAt, s.Kind, s.Line, s.State, s.SellerUserId, s.MonthlyValue))
                .ToListAsync(ct))
            .Where(r => query.Includes(r.Seller))
            .ToList();

        var sheet = "/sales?" + query.PeriodQuery;
        var converted = rows.Count(r => Converted.Contains(r.State));
        var legalized = rows.Count(r => r.State == SaleState.Legalized);
        var lost = rows.Count(r => Lost.Contains(r.State));
        var figures = new List<KpiFigure>
        {
            KpiFigure.Count("sales", "Ventas registradas", rows.Count, sheet),
            KpiFigure.Ratio("salesConversion", "Conversión a instalada/entregada", converted, rows.Count, query.Target("salesConversion"), sheet + "&state=Installed,Delivered,Legalized"),
            KpiFigure.Ratio("salesLegalized", "Ventas legalizadas", legalized, rows.Count, query.Target("salesLegalized"), sheet + "&state=Legalized"),
            KpiFigure.Count("salesLost", "Rechazadas, canceladas o no instaladas", lost, sheet + "&state=Rejected,Cancelled,NotInstalled"),
            new("salesMonthlyValue", "Cargo fijo mensual vendido", rows.Sum(r => r.MonthlyValue), KpiFormat.Money, DrillUrl: sheet),
        };

        var perBucket = new decimal[query.Buckets.Count];
        var convertedPerBucket = new long[query.Buckets.Count];
        foreach (var r in rows)
        {
            var i = query.BucketOf(r.SoldAt);
            if (i >= 0)
            {
                perBucket[i]++;
                convertedPerBucket[i] += Converted.Contains(r.State) ? 1 : 0;
            }
        }

        var series = new List<KpiSeries>
        {
            new("sales", "Ventas registradas", KpiFormat.Count, perBucket),
            new("salesConversion", "Conversión a instalada/entregada", KpiFormat.Percent,
                perBucket.Select((n, i) => KpiBreakdowns.Fraction(convertedPerBucket[i], (long)n)).ToList()),
        };

        var byKind = Enum.GetValues<SaleKind>()
            .Select(k => new KpiSlice(k.ToString(), SaleLabels.Kind(k), rows.LongCount(r => r.Kind == k), sheet + "&kind=" + k))
            .Where(s => s.Value > 0)
            .ToList();
        var byState = Enum.GetValues<SaleState>()
            .Select(s => new KpiSlice(s.ToString(), SaleLabels.State(s), rows.LongCount(r => r.State == s), sheet + "&state=" + s))
            .Where(s => s.Value > 0)
            .ToList();

        var columns = new List<KpiColumn>
        {
            new("sales", "Ventas", KpiFormat.Count),
            new("converted", "Instaladas/entregadas", KpiFormat.Count),
            new("salesConversion", "Conversión", KpiFormat.Percent),
            new("salesMonthlyValue", "Cargo fijo mensual", KpiFormat.Money),
        };
        var (byAgent, byTeam) = KpiBreakdowns.Build(
            query,
            rows,
            r => r.Seller,
            g =>
            {
                var c = g.Count(r => Converted.Contains(r.State));
                return new Dictionary<string, decimal>(StringComparer.Ordinal)
                {
                    ["sales"] = g.Count,
                    ["converted"] = c,
                    ["salesConversion"] = KpiBreakdowns.Fraction(c, g.Count),
                    ["salesMonthlyValue"] = g.Sum(r => r.MonthlyValue),
                };
            },
            seller => seller is { } id ? sheet + "&seller=" + id : null);

        return new KpiSection(
            Key,
            "Ventas",
            figures,
            series,
            [new KpiDistribution("byKind", "Ventas por tipo", byKind), new KpiDistribution("byState", "Ventas por estado", byState)],
            columns,
            byAgent,
            byTeam);
    }

    private sealed record Row(DateTimeOffset SoldAt, SaleKind Kind, SaleLine Line, SaleState State, Guid? Seller, decimal MonthlyValue);
}

/// <summary>Spanish names of sale kinds and states (reports, exports).</summary>
public static class SaleLabels
{
    public static string Kind(SaleKind kind) => kind switch
    {
        SaleKind.HomeNewService => "Hogar — servicio nuevo",
        SaleKind.HomeBundle => "Hogar — empaquetamiento",
        SaleKind.HomeUpgrade => "Hogar — upgrade",
        SaleKind.HomeAddOn => "Hogar — adicionales",
        SaleKind.MobileNewLine => "Móvil — línea nueva",
        SaleKind.MobileMigration => "Móvil — migración",
        SaleKind.MobilePortability => "Móvil — portabilidad",
        SaleKind.DeviceOnCredit => "Terminal a cuotas (TyT)",
        _ => kind.ToString(),
    };

    public static string State(SaleState state) => SaleWorkflow.Spanish(state);
}

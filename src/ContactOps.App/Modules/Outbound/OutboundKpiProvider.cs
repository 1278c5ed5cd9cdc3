using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The "outbound" section of the KPI page for outbound operations: the five KPIs of the issue with their targets, trends
/// per bucket and green/red state, the counts behind them, and the breakdown by agent and team — all from
/// <see cref="OutboundHourlyStat"/>. Every figure drills down to the raw attempts at /outbound/attempts.
/// </summary>
public sealed class OutboundKpiProvider : IKpiProvider
{
    public string Key => "outbound";

    public int Order => 5;

    public bool AppliesTo(OperationKind kind) => kind == OperationKind.Outbound;

    public async Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var rows = await db.OutboundHourlyStats.AsNoTracking()
            .Where(s => s.OperationId == query.OperationId && s.Day >= query.From && s.Day <= query.To)
            .GroupBy(s => new { s.Day, s.AgentLogin })
            .Select(g => new Row(g.Key.Day, g.Key.AgentLogin, g.Sum(s => s.Attempts), g.Sum(s => s.Answered), g.Sum(s => s.Contacts), g.Sum(s => s.EffectiveContacts), g.Sum(s => s.Sales)))
            .ToListAsync(ct);

        // Logins → users (for names, teams and the report's filters); logins of no user (other dialers) keep their text.
        var logins = rows.Select(r => r.Login).Where(l => l != "").Distinct().ToList();
        var userOf = (await db.Users.AsNoTracking().Where(u => u.UserName != null && logins.Contains(u.UserName)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct))
            .ToDictionary(u => u.UserName!, u => (Guid?)u.Id, StringComparer.Ordinal);
        Guid? UserOf(string login) => userOf.GetValueOrDefault(login);
        string? agentLogin = query.AgentUserId is { } agentId ? userOf.FirstOrDefault(kv => kv.Value == agentId).Key ?? await db.Users.Where(u => u.Id == agentId).Select(u => u.UserName).FirstOrDefaultAsync(ct) : null;
        rows = rows.Where(r => query.Includes(UserOf(r.Login))).ToList();

        var (received, worked) = await OutboundReports.CoverageAsync(db, query.OperationId, query.To, ct);
        var goals = await SalesGoals.ByDayAsync(db, query.OperationId, query.From, query.To, ct);
        long goal = goals.Values.Sum(v => (long)v);
        long attempts = rows.Sum(r => r.Attempts), answered = rows.Sum(r => r.Answered), contacts = rows.Sum(r => r.Contacts), effective = rows.Sum(r => r.Effective), sales = rows.Sum(r => r.Sales);

        var drill = "/outbound/attempts?" + query.PeriodQuery + (agentLogin is null ? "" : "&agent=" + Uri.EscapeDataString(agentLogin))
            + (query.TeamId is { } team && agentLogin is null ? "&team=" + team : "");
        var figures = new List<KpiFigure>
        {
            KpiFigure.Ratio("effectiveness", "Efectividad (ventas ÷ intentos)", sales, attempts, query.Target("effectiveness"), drill + "&flag=sale"),
            KpiFigure.Ratio("contactability", "Contactabilidad (contestadas ÷ intentos)", answered, attempts, query.Target("contactability"), drill + "&flag=answered"),
            KpiFigure.Ratio("baseCoverage", "Cobertura de base (leads trabajados ÷ recibidos)", worked, received, query.Target("baseCoverage"), drill),
            KpiFigure.Ratio("goalAttainment", "Cumplimiento de meta (ventas ÷ meta)", sales, goal, query.Target("goalAttainment"), drill + "&flag=sale"),
            KpiFigure.Ratio("effectiveContactRate", "Contacto efectivo (efectivos ÷ contactos)", effective, contacts, query.Target("effectiveContactRate"), drill + "&flag=effective"),
            KpiFigure.Count("attempts", "Intentos", attempts, drill),
            KpiFigure.Count("answered", "Contestadas por una persona", answered, drill + "&flag=answered"),
            KpiFigure.Count("contacts", "Contactos", contacts, drill + "&flag=contact"),
            KpiFigure.Count("effectiveContacts", "Contactos efectivos", effective, drill + "&flag=effective"),
            KpiFigure.Count("outboundSales", "Ventas (tipificación)", sales, drill + "&flag=sale"),
            KpiFigure.Count("goal", "Meta de ventas del periodo", goal),
        };

        // Trends per bucket; base coverage as of the end of each bucket.
        var n = query.Buckets.Count;
        var att = new long[n];
        var ans = new long[n];
        var con = new long[n];
        var eff = new long[n];
        var sal = new long[n];
        var gol = new long[n];
        foreach (var r in rows)
        {
            var i = query.BucketIndex(r.Day);
            if (i >= 0)
            {
                att[i] += r.Attempts;
                ans[i] += r.Answered;
                con[i] += r.Contacts;
                eff[i] += r.Effective;
                sal[i] += r.Sales;
            }
        }

        foreach (var (day, g) in goals)
        {
            var i = query.BucketIndex(day);
            if (i >= 0)
            {
                gol[i] += g;
            }
        }

        var coverage = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            var end = i + 1 < n ? query.Buckets[i + 1].AddDays(-1) : query.To;
            var (rec, wrk) = end >= query.To ? (received, worked) : await OutboundReports.CoverageAsync(db, query.OperationId, end, ct);
            coverage[i] = KpiBreakdowns.Fraction(wrk, rec);
        }

        var series = new List<KpiSeries>
        {
            new("effectiveness", "Efectividad", KpiFormat.Percent, Enumerable.Range(0, n).Select(i => KpiBreakdowns.Fraction(sal[i], att[i])).ToList()),
            new("contactability", "Contactabilidad", KpiFormat.Percent, Enumerable.Range(0, n).Select(i => KpiBreakdowns.Fraction(ans[i], att[i])).ToList()),
            new("baseCoverage", "Cobertura de base", KpiFormat.Percent, coverage),
            new("goalAttainment", "Cumplimiento de meta", KpiFormat.Percent, Enumerable.Range(0, n).Select(i => KpiBreakdowns.Fraction(sal[i], gol[i])).ToList()),
            new("effectiveContactRate", "Contacto efectivo", KpiFormat.Percent, Enumerable.Range(0, n).Select(i => KpiBreakdowns.Fraction(eff[i], con[i])).ToList()),
            new("attempts", "Intentos", KpiFormat.Count, att.Select(v => (decimal)v).ToList()),
        };

        var columns = new List<KpiColumn>
        {
            new("attempts", "Intentos", KpiFormat.Count),
            new("answered", "Contestadas", KpiFormat.Count),
            new("contacts", "Contactos", KpiFormat.Count),
            new("effectiveContacts", "Efectivos", KpiFormat.Count),
            new("sales", "Ventas", KpiFormat.Count),
            new("effectiveness", "Efectividad", KpiFormat.Percent),
            new("contactability", "Contactabilidad", KpiFormat.Percent),
            new("effectiveContactRate", "Contacto efectivo", KpiFormat.Percent),
        };
        var period = "/outbound/attempts?" + query.PeriodQuery;
        var byAgent = rows.GroupBy(r => r.Login)
            .Select(g => new KpiBreakdownRow(UserOf(g.Key), g.Key == "" ? "(sin asesor)" : UserOf(g.Key) is { } id ? query.AgentName(id) : g.Key, Columns(g.ToList()),
                g.Key == "" ? null : period + "&agent=" + Uri.EscapeDataString(g.Key)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var byTeam = rows.GroupBy(r => query.TeamOf(UserOf(r.Login)))
            .Select(g => new KpiBreakdownRow(g.Key, g.Key is { } t && query.Teams.TryGetValue(t, out var name) ? name : "(sin equipo)", Columns(g.ToList()),
                g.Key is { } tid ? period + "&team=" + tid : null))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        return new KpiSection(Key, "Campaña saliente", figures, series, [], columns, byAgent, byTeam);
    }

    private static Dictionary<string, decimal> Columns(IReadOnlyCollection<Row> g)
    {
        long a = g.Sum(r => r.Attempts), ans = g.Sum(r => r.Answered), c = g.Sum(r => r.Contacts), e = g.Sum(r => r.Effective), s = g.Sum(r => r.Sales);
        return new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["attempts"] = a,
            ["answered"] = ans,
            ["contacts"] = c,
            ["effectiveContacts"] = e,
            ["sales"] = s,
            ["effectiveness"] = KpiBreakdowns.Fraction(s, a),
            ["contactability"] = KpiBreakdowns.Fraction(ans, a),
            ["effectiveContactRate"] = KpiBreakdowns.Fraction(e, c),
        };
    }

    private sealed record Row(DateOnly Day, string Login, long Attempts, long Answered, long Contacts, long Effective, long Sales);
}

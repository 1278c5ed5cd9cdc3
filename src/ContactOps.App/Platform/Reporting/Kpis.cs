using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;

namespace ContactOps.Platform.Reporting;

public enum KpiGranularity
{
    Day,
    Week,
    Month,
}

public enum KpiFormat
{
    Count,
    Percent,
    Money,
    Hours,
}

/// <summary>An agent of the operation as reports group them: name and team.</summary>
public sealed record KpiAgent(Guid UserId, string Name, Guid? TeamId);

/// <summary>
/// What a KPI provider is asked for: one operation, a period of local dates (inclusive) in the client's zone, the time
/// buckets, and optional team/agent filters. Providers load light rows for the period and aggregate in memory (a period
/// of an operation is thousands to a few hundred thousand rows), so every engine computes the same figures.
/// </summary>
public sealed class KpiQuery
{
    private Dictionary<DateOnly, int>? _bucketIndex;

    public required Guid ClientId { get; init; }

    public required Guid OperationId { get; init; }

    public required string OperationCode { get; init; }

    public required OperationKind OperationKind { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    public required string Currency { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required KpiGranularity Granularity { get; init; }

    public Guid? TeamId { get; init; }

    public Guid? AgentUserId { get; init; }

    public required IReadOnlyDictionary<Guid, KpiAgent> Agents { get; init; }

    public required IReadOnlyDictionary<Guid, string> Teams { get; init; }

    /// <summary>The operation's KPI targets (fractions for percentages), by KPI code.</summary>
    public required IReadOnlyDictionary<string, decimal> Targets { get; init; }

    /// <summary>The bucket starts, in order (every bucket of the period, empty ones too).</summary>
    public required IReadOnlyList<DateOnly> Buckets { get; init; }

    /// <summary>First instant of the period (the start of <see cref="From"/> in the client's zone), UTC.</summary>
    public DateTimeOffset FromUtc => StartOf(From);

    /// <summary>First instant after the period, UTC.</summary>
    public DateTimeOffset ToUtcExclusive => StartOf(To.AddDays(1));

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Index of the bucket an instant falls in (−1 outside the period).</summary>
    public int BucketOf(DateTimeOffset instant) => BucketIndex(LocalDate(instant));

    public int BucketIndex(DateOnly date)
    {
        if (date < From || date > To)
        {
            return -1;
        }

        _bucketIndex ??= Buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        return _bucketIndex.TryGetValue(KpiBuckets.StartOf(date, Granularity), out var index) ? index : -1;
    }

    /// <summary>True when the agent passes the team/agent filters (null agent passes only when no filter is set).</summary>
    public bool Includes(Guid? agentUserId)
    {
        if (AgentUserId is { } a && agentUserId != a)
        {
            return false;
        }

        if (TeamId is { } t)
        {
            return agentUserId is { } id && Agents.TryGetValue(id, out var agent) && agent.TeamId == t;
        }

        return true;
    }

    public string AgentName(Guid? userId) =>
        userId is { } id && Agents.TryGetValue(id, out var a) ? a.Name : "(sin asesor)";

    public Guid? TeamOf(Guid? userId) => userId is { } id && Agents.TryGetValue(id, out var a) ? a.TeamId : null;

    public decimal? Target(string code) => Targets.TryGetValue(code, out var t) ? t : null;

    /// <summary>Query string for drill-down links to record lists: operation and period (local dates).</summary>
    public string PeriodQuery => string.Create(CultureInfo.InvariantCulture, $"operation={Uri.EscapeDataString(OperationCode)}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class KpiBuckets
{
    public static DateOnly StartOf(DateOnly date, KpiGranularity granularity) => granularity switch
    {
        KpiGranularity.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), // ISO weeks start on Monday
        KpiGranularity.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    public static IReadOnlyList<DateOnly> Between(DateOnly from, DateOnly to, KpiGranularity granularity)
    {
        var buckets = new List<DateOnly>();
        for (var d = StartOf(from, granularity); d <= to; d = granularity switch
        {
            KpiGranularity.Week => d.AddDays(7),
            KpiGranularity.Month => d.AddMonths(1),
            _ => d.AddDays(1),
        })
        {
            buckets.Add(d);
        }

        return buckets;
    }

    public static string Label(DateOnly bucket, KpiGranularity granularity, CultureInfo culture) => granularity switch
    {
        KpiGranularity.Month => bucket.ToString("MMM yyyy", culture),
        KpiGranularity.Week => bucket.ToString("dd MMM", culture),
        _ => bucket.ToString("dd MMM", culture),
    };
}

/// <summary>One figure: a value (a fraction for percentages), its numerator/denominator when it is a ratio, the target, and where its records are.</summary>
public sealed record KpiFigure(string Code, string Label, decimal Value, KpiFormat Format, long? Numerator = null, long? Denominator = null, decimal? Target = null, string? DrillUrl = null)
{
    /// <summary>True/false when there is a target (lower-is-better figures are marked by a negative target: |target| is a ceiling).</summary>
    public bool? MeetsTarget => Target is not { } t ? null : t >= 0 ? Value >= t : Value <= -t;

    public static KpiFigure Ratio(string code, string label, long numerator, long denominator, decimal? target = null, string? drillUrl = null) =>
        new(code, label, denominator == 0 ? 0 : (decimal)numerator / denominator, KpiFormat.Percent, numerator, denominator, target, drillUrl);

    public static KpiFigure Count(string code, string label, long value, string? drillUrl = null) =>
        new(code, label, value, KpiFormat.Count, DrillUrl: drillUrl);
}

/// <summary>A figure over the report's buckets (same order as <see cref="KpiReport.Buckets"/>).</summary>
public sealed record KpiSeries(string Code, string Label, KpiFormat Format, IReadOnlyList<decimal> Values);

/// <summary>A split of a whole (e.g. sales by state) for a donut/bar chart.</summary>
public sealed record KpiDistribution(string Code, string Label, IReadOnlyList<KpiSlice> Slices);

public sealed record KpiSlice(string Key, string Label, long Value, string? DrillUrl = null);

/// <summary>A row of a breakdown by agent or team: values by column code.</summary>
public sealed record KpiBreakdownRow(Guid? Id, string Name, IReadOnlyDictionary<string, decimal> Values, string? DrillUrl = null);

public sealed record KpiColumn(string Code, string Label, KpiFormat Format);

/// <summary>What one provider answers: figures, series, distributions and the breakdowns by agent and team.</summary>
public sealed record KpiSection(
    string Key,
    string Title,
    IReadOnlyList<KpiFigure> Figures,
    IReadOnlyList<KpiSeries> Series,
    IReadOnlyList<KpiDistribution> Distributions,
    IReadOnlyList<KpiColumn> Columns,
    IReadOnlyList<KpiBreakdownRow> ByAgent,
    IReadOnlyList<KpiBreakdownRow> ByTeam);

public sealed record KpiReport(
    string Operation,
    string OperationName,
    string TimeZone,
    string Currency,
    DateOnly From,
    DateOnly To,
    KpiGranularity Granularity,
    IReadOnlyList<DateOnly> Buckets,
    IReadOnlyList<KpiSection> Sections,
    IReadOnlyList<KpiOption> Teams,
    IReadOnlyList<KpiOption> Agents);

/// <summary>A choice for the report's filters (team id or agent user name, and what to show).</summary>
public sealed record KpiOption(string Value, string Label);

/// <summary>
/// A module's contribution to the KPI reports (sales, inbound cases, reconciliation, later outbound, adjustments,
/// quality…). Registered in DI by the module; the report asks every provider that applies to the operation's kind.
/// </summary>
public interface IKpiProvider
{
    string Key { get; }

    /// <summary>Order of the section on the page (lower first).</summary>
    int Order { get; }

    bool AppliesTo(OperationKind kind);

    Task<KpiSection?> ComputeAsync(AppDbContext db, KpiQuery query, CancellationToken ct);
}

/// <summary>Helpers providers share to build breakdowns.</summary>
public static class KpiBreakdowns
{
    /// <summary>Groups items by agent and by team, computing each column with <paramref name="columns"/>.</summary>
    public static (IReadOnlyList<KpiBreakdownRow> ByAgent, IReadOnlyList<KpiBreakdownRow> ByTeam) Build<T>(
        KpiQuery query,
        IReadOnlyCollection<T> items,
        Func<T, Guid?> agentOf,
        Func<IReadOnlyCollection<T>, IReadOnlyDictionary<string, decimal>> columns,
        Func<Guid?, string?>? agentDrill = null)
    {
        var byAgent = items.GroupBy(agentOf)
            .Select(g => new KpiBreakdownRow(g.Key, query.AgentName(g.Key), columns(g.ToList()), agentDrill?.Invoke(g.Key)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var byTeam = items.GroupBy(i => query.TeamOf(agentOf(i)))
            .Select(g => new KpiBreakdownRow(g.Key, g.Key is { } t && query.Teams.TryGetValue(t, out var n) ? n : "(sin equipo)", columns(g.ToList())))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        return (byAgent, byTeam);
    }

    public static decimal Fraction(long numerator, long denominator) => denominator == 0 ? 0 : (decimal)numerator / denominator;
}

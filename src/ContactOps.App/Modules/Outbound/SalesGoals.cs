using System.Text.Json;
using ContactOps.Platform;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>An operation's sales goal for one local date; overrides the campaign's weekday goal (<see cref="OutboundCampaign.WeekdayGoalsJson"/>).</summary>
public sealed class DailySalesGoal : IAuditable, IStamped
{
    private DailySalesGoal()
    {
    }

    public DailySalesGoal(Guid clientId, Guid operationId, DateOnly day, int sales)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Day = day;
        Sales = sales;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Sales { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>The operation's daily sales goals: an explicit <see cref="DailySalesGoal"/> for the date, else the campaign's weekday goal, else 0.</summary>
public static class SalesGoals
{
    /// <summary>Weekday goals from the campaign's JSON, e.g. {"Monday":12,…,"Saturday":6}.</summary>
    public static IReadOnlyDictionary<DayOfWeek, int> Weekday(string? json)
    {
        var result = new Dictionary<DayOfWeek, int>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
            foreach (var (k, v) in raw)
            {
                if (Enum.TryParse<DayOfWeek>(k, ignoreCase: true, out var day) && v >= 0)
                {
                    result[day] = v;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed value counts as no weekday goals; the settings page validates what it saves.
        }

        return result;
    }

    /// <summary>The goal of every date from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, int>> ByDayAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var weekdayJson = await db.OutboundCampaigns.Where(c => c.OperationId == operationId).Select(c => c.WeekdayGoalsJson).FirstOrDefaultAsync(ct);
        var weekday = Weekday(weekdayJson);
        var explicitGoals = await db.DailySalesGoals.Where(g => g.OperationId == operationId && g.Day >= from && g.Day <= to)
            .ToDictionaryAsync(g => g.Day, g => g.Sales, ct);
        var result = new Dictionary<DateOnly, int>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            result[d] = explicitGoals.TryGetValue(d, out var g) ? g : weekday.GetValueOrDefault(d.DayOfWeek);
        }

        return result;
    }

    /// <summary>The sum of the daily goals of the period (inclusive).</summary>
    public static async Task<long> SumAsync(AppDbContext db, Guid operationId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await ByDayAsync(db, operationId, from, to, ct)).Values.Sum(v => (long)v);
}

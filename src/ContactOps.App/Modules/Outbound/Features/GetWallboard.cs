using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The day's figures of the wallboard that do not come from the live floor snapshot: sales today against the day's goal
/// (pre-aggregated <see cref="OutboundHourlyStat"/> + <see cref="SalesGoals"/>) and the hour-by-hour report
/// (<see cref="IOutboundReports.HourlyAsync"/>). The leads dialable now and the inventory are the dialer state's
/// (<see cref="FloorView.Dialer"/>).
/// </summary>
public sealed record WallboardFigures(DateOnly Today, long SalesToday, long GoalToday, HourlyReport? Hourly)
{
    /// <summary>The hour-by-hour chart has something to draw (not every figure is zero).</summary>
    public bool HasHourlyData => Hourly is { } h && h.Rows.Any(r => r.Attempts > 0 || r.Contacts > 0 || r.Sales > 0 || r.CumulativeSales > 0);

    /// <summary>The projected close of the day (last hour with activity of the hour-by-hour report), or null before the window opens.</summary>
    public decimal? ProjectedClose => Hourly?.Rows.LastOrDefault(r => r.Attempts > 0 || r.CumulativeSales > 0)?.ProjectedClose;
}

/// <summary>The live wallboard of a campaign for supervisors and managers: the floor (agents, calls, dial level, abandon) plus the day's figures.</summary>
public sealed record WallboardData(FloorView Floor, WallboardFigures Figures);

/// <summary>
/// Reads the wallboard. The live part is the outbound floor's (<see cref="GetOutboundFloor"/>: same access rules, same
/// snapshot the SignalR hub broadcasts, same dialer state); this adds the day's sales, goal and hour-by-hour chart.
/// </summary>
public sealed class GetWallboard(IDbContextFactory<AppDbContext> dbs, GetOutboundFloor floorView, IServiceProvider services, TimeProvider time)
{
    public async Task<Result<WallboardData>> GetAsync(string? operation, CancellationToken ct)
    {
        var floor = await floorView.HandleAsync(operation, ct);
        if (!floor.IsSuccess)
        {
            return floor.Error!;
        }

        var figures = await FiguresAsync(floor.Value!.Snapshot.OperationId, ct);
        return new WallboardData(floor.Value, figures);
    }

    /// <summary>The day's figures of an operation the caller was already allowed to see (through <see cref="GetAsync"/>).</summary>
    public async Task<WallboardFigures> FiguresAsync(Guid operationId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var zoneId = await (from o in db.Operations join c in db.Clients on o.ClientId equals c.Id where o.Id == operationId select c.TimeZoneId).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var sales = await db.OutboundHourlyStats.Where(s => s.OperationId == operationId && s.Day == today).SumAsync(s => (long?)s.Sales, ct) ?? 0;
        var goal = (await SalesGoals.ByDayAsync(db, operationId, today, today, ct)).GetValueOrDefault(today);
        var reports = services.GetService<IOutboundReports>();
        var hourly = reports is null ? null : await reports.HourlyAsync(db, operationId, today, ct);
        return new WallboardFigures(today, sales, goal, hourly);
    }
}

using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.Json;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The weekday goals (Monday…Sunday) and the per-date overrides of a period, with the resulting goal of each date.</summary>
public sealed record SalesGoalsView(string Operation, IReadOnlyDictionary<string, int> Weekday, IReadOnlyList<DayGoal> Days, long Total);

/// <summary>A date's goal; <see cref="Override"/> is the explicit goal when there is one.</summary>
public sealed record DayGoal(string Date, int Goal, int? Override);

/// <summary>PUT body: weekday goals (absent day = 0) and overrides (Sales null removes the override); From/To is the period shown back.</summary>
public sealed record SalesGoalsUpdate(string? Operation, Dictionary<string, int>? Weekday, List<DayGoalChange>? Days, string? From = null, string? To = null);

public sealed record DayGoalChange(string? Date, int? Sales);

/// <summary>The goals editor: leaders of the operation edit, quality reads.</summary>
public sealed class EditSalesGoals(AppDbContext db, AccessScope scope, TimeProvider time)
{
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<Result<SalesGoalsView>> GetAsync(string? operation, string? from, string? to, CancellationToken ct)
    {
        var op = await OutboundReportAccess.OperationAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var period = Period(op.Value!, from, to);
        return period.IsSuccess ? await ViewAsync(op.Value!, period.Value.From, period.Value.To, ct) : period.Error!;
    }

    public async Task<Result<SalesGoalsView>> SaveAsync(SalesGoalsUpdate body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var op = await OutboundReportAccess.OperationAsync(db, scope, body.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        if (!scope.SeesAll && !(scope.RoleIn(op.Value!.Id) is { } role && Roles.IsLeader(role)))
        {
            return Error.Forbidden("goals.forbidden");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var weekday = new Dictionary<DayOfWeek, int>();
        foreach (var (key, value) in body.Weekday ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(key, ignoreCase: true, out var day) || int.TryParse(key, out _))
            {
                errors["weekday"] = [Messages.Text("Field.EditSalesGoals.weekday", key)];
            }
            else if (value is < 0 or > 100_000)
            {
                errors["weekday." + day] = ["La meta debe estar entre 0 y 100.000 ventas."];
            }
            else
            {
                weekday[day] = value;
            }
        }

        var changes = new List<(DateOnly Day, int? Sales)>();
        foreach (var change in body.Days ?? [])
        {
            if (!DateOnly.TryParseExact(change.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !Platform.Calendar.PlausibleDates.Contains(day))
            {
                errors["days"] = [Messages.Text("Field.EditSalesGoals.days", change.Date)];
            }
            else if (change.Sales is < 0 or > 100_000)
            {
                errors["days." + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] = ["La meta debe estar entre 0 y 100.000 ventas."];
            }
            else
            {
                changes.Add((day, change.Sales));
            }
        }

        var period = Period(op.Value!, body.From, body.To);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var opId = op.Value!.Id;
        if (body.Weekday is not null)
        {
            var campaign = await CampaignSettings.GetOrCreateAsync(db, opId, ct);
            campaign!.WeekdayGoalsJson = JsonSerializer.Serialize(Week.Where(weekday.ContainsKey).ToDictionary(d => d.ToString(), d => weekday[d]));
        }

        var days = changes.Select(c => c.Day).ToList();
        var existing = await db.DailySalesGoals.Where(g => g.OperationId == opId && days.Contains(g.Day)).ToDictionaryAsync(g => g.Day, ct);
        foreach (var (day, sales) in changes)
        {
            if (existing.TryGetValue(day, out var goal))
            {
                if (sales is { } s)
                {
                    goal.Sales = s;
                }
                else
                {
                    db.DailySalesGoals.Remove(goal);
                }
            }
            else if (sales is { } s)
            {
                var added = new DailySalesGoal(op.Value.ClientId, opId, day, s);
                db.DailySalesGoals.Add(added);
                existing[day] = added;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // Two edits of the same new day at once: both found no goal, the unique index lets one through.
            return Error.Conflict("goals.edited_concurrently");
        }

        return await ViewAsync(op.Value, period.Value.From, period.Value.To, ct);
    }

    private Result<(DateOnly From, DateOnly To)> Period(ReportOperation op, string? from, string? to)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), op.Zone).DateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var f = string.IsNullOrWhiteSpace(from) ? new DateOnly(today.Year, today.Month, 1) : OutboundReportAccess.Date(from, "from", errors);
        var t = string.IsNullOrWhiteSpace(to) ? (f ?? today).AddMonths(1).AddDays(-1) : OutboundReportAccess.Date(to, "to", errors);
        if (errors.Count == 0 && (t < f || t!.Value.DayNumber - f!.Value.DayNumber > 92))
        {
            errors["to"] = [Messages.Text("Field.EditSalesGoals.to")];
        }

        return errors.Count > 0 ? Error.Validation(errors) : (f!.Value, t!.Value);
    }

    private async Task<SalesGoalsView> ViewAsync(ReportOperation op, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var json = await db.OutboundCampaigns.AsNoTracking().Where(c => c.OperationId == op.Id).Select(c => c.WeekdayGoalsJson).FirstOrDefaultAsync(ct);
        var weekday = SalesGoals.Weekday(json);
        var overrides = await db.DailySalesGoals.AsNoTracking().Where(g => g.OperationId == op.Id && g.Day >= from && g.Day <= to).ToDictionaryAsync(g => g.Day, g => g.Sales, ct);
        var byDay = await SalesGoals.ByDayAsync(db, op.Id, from, to, ct);
        var days = byDay.OrderBy(d => d.Key)
            .Select(d => new DayGoal(d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Value, overrides.TryGetValue(d.Key, out var o) ? o : null))
            .ToList();
        return new SalesGoalsView(op.Code, Week.ToDictionary(d => d.ToString(), d => weekday.GetValueOrDefault(d)), days, days.Sum(d => (long)d.Goal));
    }
}

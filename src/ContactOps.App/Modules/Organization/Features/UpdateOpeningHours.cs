using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record UpdateOpeningHoursRequest(string? WeeklyHours);

public sealed record HolidayOverrideRow(DateOnly Date, bool IsRemoval, string Name);

/// <summary>A client's calendar settings as the admin page shows them.</summary>
public sealed record CalendarView(string Client, string TimeZone, string Country, string OpeningHours, IReadOnlyList<HolidayOverrideRow> Overrides);

/// <summary>Sets a client's weekly opening hours (text form, e.g. "Mon-Fri 08:00-18:00; Sat 09:00-13:00").</summary>
public sealed class UpdateOpeningHours(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<CalendarView>> HandleAsync(string? clientCode, UpdateOpeningHoursRequest request, CancellationToken ct)
    {
        var hours = WeeklyHours.Parse(request.WeeklyHours);
        if (!hours.IsSuccess)
        {
            return Error.Relabel(hours.Error!, "weeklyHours.invalid", "weeklyHours");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.ClientAsync(db, clientCode, ct, withHolidays: true);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        found.Value!.SetOpeningHours(hours.Value!);
        await db.SaveChangesAsync(ct);
        return GetCalendar.View(found.Value);
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>Deletes a manual override of a client's calendar, going back to the rule for that date.</summary>
public sealed class RemoveHolidayOverride(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<CalendarView>> HandleAsync(string? clientCode, string? date, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var d = AddHolidayOverride.ParseDate(date, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.ClientAsync(db, clientCode, ct, withHolidays: true);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!found.Value!.RemoveHolidayOverride(d!.Value))
        {
            return Error.NotFound("holiday_override.not_found");
        }

        await db.SaveChangesAsync(ct);
        return GetCalendar.View(found.Value);
    }
}

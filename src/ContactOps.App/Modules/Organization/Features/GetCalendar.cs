using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>The calendar settings of a client the caller administers.</summary>
public sealed class GetCalendar(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<CalendarView>> HandleAsync(string? clientCode, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await access.ClientAsync(db, clientCode, ct, withHolidays: true, toRead: true);
        return found.IsSuccess ? View(found.Value!) : found.Error!;
    }

    internal static CalendarView View(Client c) =>
        new(c.Code, c.TimeZoneId, c.Country.ToString(), c.OpeningHours, c.Holidays.OrderBy(h => h.Date).Select(h => new HolidayOverrideRow(h.Date, h.IsRemoval, h.Name)).ToList());
}

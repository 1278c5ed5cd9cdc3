using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>Date as yyyy-MM-dd; <c>Removal</c> true removes a rule holiday, false adds a holiday.</summary>
public sealed record HolidayOverrideRequest(string? Date, bool Removal, string? Name);

/// <summary>Adds a manual holiday to a client's calendar (or removes one computed by rule).</summary>
public sealed class AddHolidayOverride(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<CalendarView>> HandleAsync(string? clientCode, HolidayOverrideRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = ParseDate(request.Date, errors);
        if (!request.Removal)
        {
            errors.Require("name", request.Name, 120, "El nombre del festivo");
        }
        else if (request.Name?.Trim().Length > 120)
        {
            errors.Add("name", Messages.Text("Field.AddHolidayOverride.name"));
        }

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

        var name = string.IsNullOrWhiteSpace(request.Name) ? "Día hábil" : request.Name.Trim();
        found.Value!.AddHolidayOverride(date!.Value, request.Removal, name);

        // The new row carries its own Guid key: tell EF it is an insert (not an update of an existing row).
        db.Entry(found.Value.Holidays.Single(h => h.Date == date.Value)).State = EntityState.Added;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // The same date added by someone else at the same time: the unique index lets one through.
            return Error.Conflict("calendar.override_added_concurrently");
        }
        return GetCalendar.View(found.Value);
    }

    internal static DateOnly? ParseDate(string? text, FieldErrors errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || d.Year < HolidayRules.MinYear || d.Year > HolidayRules.MaxYear)
        {
            errors.Add("date", Messages.Text("Field.AddHolidayOverride.date"));
            return null;
        }

        return d;
    }
}

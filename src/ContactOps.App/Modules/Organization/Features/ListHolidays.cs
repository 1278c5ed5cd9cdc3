using System.Globalization;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record HolidayRow(DateOnly Date, string Name, string Source);

/// <summary>The client's public holidays for a year: computed by rule plus manual additions/removals.</summary>
public sealed class ListHolidays(ClientCalendars calendars)
{
    public async Task<Result<IReadOnlyList<HolidayRow>>> HandleAsync(string? clientCode, int? year, CancellationToken ct)
    {
        if (year is not { } y || y < HolidayRules.MinYear || y > HolidayRules.MaxYear)
        {
            return Error.Invalid("year", "year.invalid");
        }

        var loaded = await calendars.ForCodeAsync(clientCode, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        return loaded.Value.Calendar.HolidaysIn(y).Select(h => new HolidayRow(h.Date, h.Name, h.Source.ToString())).ToList();
    }
}

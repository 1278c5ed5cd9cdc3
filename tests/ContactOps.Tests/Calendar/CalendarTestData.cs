using System.Globalization;
using ContactOps.Platform;
using ContactOps.Platform.Calendar;
using Xunit;

namespace ContactOps.Tests.Calendar;

/// <summary>Shared helpers: time zones, calendars and invariant-culture parsing/formatting of instants.</summary>
internal static class CalendarTestData
{
    public static TimeZoneInfo Bogota { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");

    public static TimeZoneInfo LaPaz { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/La_Paz");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static BusinessCalendar Colombia(WeeklyHours? hours = null, params HolidayOverride[] overrides) =>
        new(Bogota, hours ?? WeeklyHours.Default, Country.CO, overrides);

    public static BusinessCalendar Bolivia(WeeklyHours? hours = null, params HolidayOverride[] overrides) =>
        new(LaPaz, hours ?? WeeklyHours.Default, Country.BO, overrides);

    public static WeeklyHours Hours(string text)
    {
        var result = WeeklyHours.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>Parses "2026-03-02T08:00:00-05:00" exactly.</summary>
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.ParseExact(iso, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Formats with the instant's own offset, e.g. "2026-11-19T10:00:00-05:00".</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string[] Describe(IEnumerable<Holiday> holidays) =>
        holidays.Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + h.Name).ToArray();
}

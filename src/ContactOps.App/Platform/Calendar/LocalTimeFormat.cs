using System.Globalization;

namespace ContactOps.Platform.Calendar;

/// <summary>
/// How every screen shows an instant: converted to the client's time zone (<c>Client.TimeZoneId</c>, America/Bogota or
/// America/La_Paz) and written in one pattern per language — Spanish <c>dd/MM/yyyy h:mm tt</c> (07/12/2026 5:33 p. m.),
/// English <c>MMM d, yyyy h:mm tt</c> (Dec 7, 2026 5:33 PM). Pages use it through <c>CurrentOperation.Format</c> or the
/// <c>&lt;LocalTime&gt;</c> component, never <c>ToLocalTime()</c> (the server's zone) nor a UTC instant as such.
/// </summary>
public static class LocalTimeFormat
{
    /// <summary>The zone of that id; UTC when the id is empty or unknown.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static string DateTimePattern(CultureInfo culture) => IsSpanish(culture) ? "dd/MM/yyyy h:mm tt" : "MMM d, yyyy h:mm tt";

    public static string DatePattern(CultureInfo culture) => IsSpanish(culture) ? "dd/MM/yyyy" : "MMM d, yyyy";

    /// <summary>The instant in <paramref name="zone"/>, date and time, in <paramref name="culture"/>'s pattern.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(culture);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(DateTimePattern(culture), culture);
    }

    /// <summary>The calendar date of the instant in <paramref name="zone"/>, in <paramref name="culture"/>'s pattern.</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(culture);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(DatePattern(culture), culture);
    }

    private static bool IsSpanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es";
}

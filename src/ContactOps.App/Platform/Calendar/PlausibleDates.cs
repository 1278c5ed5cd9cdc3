namespace ContactOps.Platform.Calendar;

/// <summary>
/// The years a date typed into the product may fall in. Outside them the value is a typo (9999, 0001), and calendar
/// arithmetic on it (business hours, holidays, contact windows) would overflow: such input answers 400, never 500.
/// </summary>
public static class PlausibleDates
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static bool Contains(DateTimeOffset value) => value.Year is >= FirstYear and <= LastYear;

    public static bool Contains(DateOnly value) => value.Year is >= FirstYear and <= LastYear;
}

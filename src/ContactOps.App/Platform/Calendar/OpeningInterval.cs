using System.Globalization;

namespace ContactOps.Platform.Calendar;

/// <summary>
/// One opening interval of a day, in the client's wall-clock time: open from <see cref="Start"/> (inclusive) to
/// <see cref="End"/> (exclusive). Times are offsets from local midnight; <see cref="End"/> may be 24:00 (end of day).
/// Validity (0 ≤ start &lt; end ≤ 24:00, whole seconds) is enforced by <see cref="WeeklyHours"/>.
/// </summary>
public readonly record struct OpeningInterval(TimeSpan Start, TimeSpan End)
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    public TimeSpan Duration => End - Start;

    public static OpeningInterval FromHours(int startHour, int endHour) =>
        new(TimeSpan.FromHours(startHour), TimeSpan.FromHours(endHour));

    /// <summary>"08:00-18:00" (seconds only when not zero, e.g. "08:00:30-18:00").</summary>
    public override string ToString() => FormatTime(Start) + "-" + FormatTime(End);

    internal static string FormatTime(TimeSpan time)
    {
        var hours = (int)time.TotalHours;
        return time.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{time.Minutes:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{time.Minutes:00}:{time.Seconds:00}");
    }
}

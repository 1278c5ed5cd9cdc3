using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Calendar;

/// <summary>
/// A client's weekly opening hours: per day of week, zero or more non-overlapping <see cref="OpeningInterval"/>s in
/// wall-clock time. Immutable value object (equality by content). At least one interval in the week is required.
/// </summary>
/// <remarks>
/// <para>Compact text form, for a database column and the admin page (<see cref="Parse"/> / <see cref="ToString"/>):
/// <c>Mon-Fri 08:00-18:00; Sat 08:00-12:00</c>. Entries are separated by <c>;</c>; an entry is a day list then one or
/// more intervals separated by <c>,</c>: <c>Mon-Fri 08:00-12:00, 14:00-18:00</c>. A day list is days and ranges
/// separated by <c>,</c> (<c>Mon,Wed,Fri</c>, <c>Sat-Sun</c>; a range may wrap: <c>Fri-Mon</c>). Days in English
/// (Mon Tue Wed Thu Fri Sat Sun) or Spanish (Lun Mar Mie Jue Vie Sab Dom, accents allowed), any case. Times are
/// <c>HH:mm</c> or <c>HH:mm:ss</c>, 24-hour; <c>24:00</c> is allowed as an end. Days not listed are closed; a day
/// named in several entries gets all their intervals.</para>
/// <para>Intervals of a day that touch (08:00-12:00, 12:00-18:00) are merged. <see cref="ToString"/> is canonical:
/// English names, Monday first, days with equal intervals grouped into ranges.</para>
/// <para>A class rather than a struct so that no "default" instance (closed all week, which would make business-time
/// arithmetic endless) can exist.</para>
/// </remarks>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    // Indexed by (int)DayOfWeek: Sunday = 0 … Saturday = 6. Immutable arrays, boxed once.
    private readonly IReadOnlyList<OpeningInterval>[] days;

    private WeeklyHours(IReadOnlyList<OpeningInterval>[] days)
    {
        this.days = days;
        WeeklyOpenTime = days.Aggregate(TimeSpan.Zero, static (sum, day) => day.Aggregate(sum, static (s, i) => s + i.Duration));
    }

    /// <summary>Monday to Friday 08:00–18:00; Saturday and Sunday closed.</summary>
    public static WeeklyHours Default { get; } = CreateDefault();

    /// <summary>Total wall-clock opening time of one week (holidays and DST not considered).</summary>
    public TimeSpan WeeklyOpenTime { get; }

    /// <summary>The day's intervals, sorted by start; empty when closed.</summary>
    public IReadOnlyList<OpeningInterval> this[DayOfWeek day] => days[(int)day];

    /// <summary>Validates and normalizes (sorts, merges touching intervals). Days missing from the map are closed.</summary>
    public static Result<WeeklyHours> Create(IEnumerable<KeyValuePair<DayOfWeek, IEnumerable<OpeningInterval>>> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var perDay = new List<OpeningInterval>[7];
        for (var i = 0; i < 7; i++)
        {
            perDay[i] = [];
        }

        foreach (var (day, dayIntervals) in intervals)
        {
            if (!Enum.IsDefined(day))
            {
                return Error.Validation("weekly_hours.day_invalid");
            }

            perDay[(int)day].AddRange(dayIntervals);
        }

        return Build(perDay);
    }

    /// <summary>Parses the compact text form (see the type's remarks). Errors are validation results with a Spanish message.</summary>
    public static Result<WeeklyHours> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Validation("weekly_hours.empty");
        }

        var perDay = new List<OpeningInterval>[7];
        for (var i = 0; i < 7; i++)
        {
            perDay[i] = [];
        }

        foreach (var rawEntry in text.Split(';'))
        {
            var entry = rawEntry.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var firstDigit = entry.AsSpan().IndexOfAnyInRange('0', '9');
            if (firstDigit <= 0)
            {
                return Invalid(entry, "cada tramo debe tener días y horas, por ejemplo «Mon-Fri 08:00-18:00»");
            }

            var dayList = ParseDays(entry[..firstDigit]);
            if (dayList is null)
            {
                return Invalid(entry, "días no reconocidos (use Mon, Tue, Wed, Thu, Fri, Sat, Sun o Lun, Mar, Mie, Jue, Vie, Sab, Dom)");
            }

            var entryIntervals = new List<OpeningInterval>();
            foreach (var rawInterval in entry[firstDigit..].Split(','))
            {
                var interval = ParseInterval(rawInterval.Trim());
                if (interval is null)
                {
                    return Invalid(entry, $"«{rawInterval.Trim()}» no es un intervalo HH:mm-HH:mm válido");
                }

                entryIntervals.Add(interval.Value);
            }

            foreach (var day in dayList)
            {
                perDay[(int)day].AddRange(entryIntervals);
            }
        }

        return Build(perDay);
    }

    /// <summary>Canonical compact text form, e.g. "Mon-Fri 08:00-18:00; Sat 08:00-12:00".</summary>
    public override string ToString()
    {
        // Monday-first order: index 0 = Monday … 6 = Sunday.
        var groups = new List<(IReadOnlyList<OpeningInterval> Intervals, List<int> Days)>();
        for (var index = 0; index < 7; index++)
        {
            var intervals = days[(int)MondayFirst(index)];
            if (intervals.Count == 0)
            {
                continue;
            }

            var group = groups.FindIndex(g => g.Intervals.SequenceEqual(intervals));
            if (group < 0)
            {
                groups.Add((intervals, [index]));
            }
            else
            {
                groups[group].Days.Add(index);
            }
        }

        var text = new StringBuilder();
        foreach (var (intervals, dayIndexes) in groups)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            var run = 0;
            while (run < dayIndexes.Count)
            {
                var runEnd = run;
                while (runEnd + 1 < dayIndexes.Count && dayIndexes[runEnd + 1] == dayIndexes[runEnd] + 1)
                {
                    runEnd++;
                }

                if (run > 0)
                {
                    text.Append(',');
                }

                text.Append(EnglishNames[dayIndexes[run]]);
                if (runEnd > run)
                {
                    text.Append('-').Append(EnglishNames[dayIndexes[runEnd]]);
                }

                run = runEnd + 1;
            }

            text.Append(' ').AppendJoin(", ", intervals.Select(static i => i.ToString()));
        }

        return text.ToString();
    }

    public bool Equals(WeeklyHours? other) =>
        other is not null && (ReferenceEquals(this, other) || days.Zip(other.days).All(static pair => pair.First.SequenceEqual(pair.Second)));

    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var day in days)
        {
            hash.Add(day.Count);
            foreach (var interval in day)
            {
                hash.Add(interval);
            }
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(WeeklyHours? left, WeeklyHours? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(WeeklyHours? left, WeeklyHours? right) => !(left == right);

    private static readonly string[] EnglishNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly string[] SpanishNames = ["Lun", "Mar", "Mie", "Jue", "Vie", "Sab", "Dom"];

    private static DayOfWeek MondayFirst(int index) => (DayOfWeek)((index + 1) % 7);

    private static WeeklyHours CreateDefault()
    {
        var workday = new[] { OpeningInterval.FromHours(8, 18) };
        var map = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => KeyValuePair.Create(day, (IEnumerable<OpeningInterval>)workday));
        var result = Create(map);
        return result.Value ?? throw new InvalidOperationException(result.Error?.Message);
    }

    private static Result<WeeklyHours> Build(List<OpeningInterval>[] perDay)
    {
        var normalized = new IReadOnlyList<OpeningInterval>[7];
        var any = false;
        for (var day = 0; day < 7; day++)
        {
            var dayName = SpanishDayName((DayOfWeek)day);
            var sorted = perDay[day].OrderBy(static i => i.Start).ThenBy(static i => i.End).ToList();
            var merged = ImmutableArray.CreateBuilder<OpeningInterval>(sorted.Count);
            foreach (var interval in sorted)
            {
                if (interval.Start < TimeSpan.Zero || interval.End > OpeningInterval.EndOfDay || interval.Start >= interval.End)
                {
                    return Error.Validation("weekly_hours.interval_invalid", dayName, interval);
                }

                if (interval.Start.Ticks % TimeSpan.TicksPerSecond != 0 || interval.End.Ticks % TimeSpan.TicksPerSecond != 0)
                {
                    return Error.Validation("weekly_hours.precision", dayName, interval);
                }

                if (merged.Count > 0 && interval.Start < merged[^1].End)
                {
                    return Error.Validation("weekly_hours.overlap", dayName, merged[^1], interval);
                }

                if (merged.Count > 0 && interval.Start == merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = interval.End };
                }
                else
                {
                    merged.Add(interval);
                }
            }

            any |= merged.Count > 0;
            normalized[day] = merged.ToImmutable();
        }

        if (!any)
        {
            return Error.Validation("weekly_hours.empty#2");
        }

        return new WeeklyHours(normalized);
    }

    private static string SpanishDayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Lunes",
        DayOfWeek.Tuesday => "Martes",
        DayOfWeek.Wednesday => "Miércoles",
        DayOfWeek.Thursday => "Jueves",
        DayOfWeek.Friday => "Viernes",
        DayOfWeek.Saturday => "Sábado",
        _ => "Domingo",
    };

    private static Error Invalid(string entry, string problem) =>
        Error.Validation("weekly_hours.syntax", entry, problem);

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var result = new List<DayOfWeek>();
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
        if (compact.Length == 0)
        {
            return null;
        }

        foreach (var spec in compact.Split(','))
        {
            var bounds = spec.Split('-');
            if (bounds.Length is < 1 or > 2)
            {
                return null;
            }

            var first = DayIndex(bounds[0]);
            var last = bounds.Length == 2 ? DayIndex(bounds[1]) : first;
            if (first is null || last is null)
            {
                return null;
            }

            // Monday-first indexes; a range may wrap around the week end (Fri-Mon).
            var count = ((last.Value - first.Value + 7) % 7) + 1;
            for (var step = 0; step < count; step++)
            {
                var day = MondayFirst((first.Value + step) % 7);
                if (!result.Contains(day))
                {
                    result.Add(day);
                }
            }
        }

        return result;
    }

    private static int? DayIndex(string name)
    {
        var plain = RemoveAccents(name);
        for (var index = 0; index < 7; index++)
        {
            if (string.Equals(plain, EnglishNames[index], StringComparison.OrdinalIgnoreCase)
                || string.Equals(plain, SpanishNames[index], StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return null;
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    private static OpeningInterval? ParseInterval(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            return null;
        }

        var start = ParseTime(parts[0].Trim());
        var end = ParseTime(parts[1].Trim());
        return start is null || end is null ? null : new OpeningInterval(start.Value, end.Value);
    }

    private static TimeSpan? ParseTime(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length is < 1 or > 2 || parts.Skip(1).Any(static p => p.Length != 2))
        {
            return null;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        var (hours, minutes, seconds) = (numbers[0], numbers[1], numbers[2]);
        if (hours > 24 || minutes > 59 || seconds > 59 || (hours == 24 && (minutes != 0 || seconds != 0)))
        {
            return null;
        }

        return new TimeSpan(hours, minutes, seconds);
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Calendar;

/// <summary>
/// A client's business calendar: time zone, weekly opening hours and holidays (country rules plus manual
/// overrides). Answers "is it open?", "when does it open next?" and business-time arithmetic exact to the tick.
/// Thread-safe; holidays are computed once per year and cached, so keep one instance per client configuration.
/// </summary>
/// <remarks>
/// <para>Opening intervals are half-open: open at the opening instant, closed at the closing instant.</para>
/// <para>Business time is real elapsed time inside opening intervals. Wall-clock intervals are mapped to instants
/// with <see cref="TimeZoneInfo"/>: a wall time that is skipped by a DST jump maps to the end of the jump; an
/// ambiguous one (repeated hour) maps to its first occurrence. Colombia and Bolivia have no DST, but any zone works.</para>
/// <para>All returned <see cref="DateTimeOffset"/>s carry the client's UTC offset at that instant.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private readonly ConcurrentDictionary<int, YearHolidays> holidaysByYear = new();
    private readonly ILookup<int, HolidayOverride> overridesByYear;

    public BusinessCalendar(TimeZoneInfo timeZone, WeeklyHours hours, Country country, IEnumerable<HolidayOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        if (!Enum.IsDefined(country))
        {
            throw new ArgumentOutOfRangeException(nameof(country), country, "Unknown country.");
        }

        var list = (overrides ?? []).ToList();
        foreach (var item in list)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(overrides));
            var check = HolidayOverride.Create(item.Date, item.Kind, item.Name);
            if (!check.IsSuccess)
            {
                throw new ArgumentException(check.Error!.Message, nameof(overrides));
            }
        }

        TimeZone = timeZone;
        Hours = hours;
        Country = country;
        Overrides = list.AsReadOnly();
        overridesByYear = list.ToLookup(static o => o.Date.Year);
    }

    public TimeZoneInfo TimeZone { get; }

    public WeeklyHours Hours { get; }

    public Country Country { get; }

    public IReadOnlyList<HolidayOverride> Overrides { get; }

    /// <summary>
    /// Builds a calendar from an IANA time zone id (e.g. "America/Bogota"), returning a validation error instead of
    /// throwing when the id is unknown or an override is invalid.
    /// </summary>
    public static Result<BusinessCalendar> Create(string? timeZoneId, WeeklyHours hours, Country country, IEnumerable<HolidayOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var timeZone))
        {
            return Error.Invalid("timeZone", "calendar.time_zone_unknown", timeZoneId);
        }

        if (!Enum.IsDefined(country))
        {
            return Error.Invalid("country", "calendar.country_unknown");
        }

        var list = new List<HolidayOverride>();
        foreach (var item in overrides ?? [])
        {
            if (item is null)
            {
                return Error.Validation("holiday_override.missing");
            }

            var check = HolidayOverride.Create(item.Date, item.Kind, item.Name);
            if (!check.IsSuccess)
            {
                return check.Error!;
            }

            list.Add(check.Value!);
        }

        return new BusinessCalendar(timeZone, hours, country, list);
    }

    /// <summary>True when the date is closed all day: a rule holiday not removed, or a manual addition.</summary>
    public bool IsHoliday(DateOnly date) => For(date.Year).Dates.Contains(date);

    /// <summary>
    /// A regulatory business day ("día hábil"): Monday to Friday and not a holiday of this calendar. Independent of the
    /// contact center's opening hours (a cell open on Saturdays still counts the regulator's days Monday to Friday).
    /// </summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>
    /// The date <paramref name="days"/> business days after <paramref name="start"/> (the start date itself is not counted,
    /// as in "15 días hábiles siguientes a la fecha de radicación"). Zero returns <paramref name="start"/>.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        var left = days;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The client's local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToClientTime(instant).DateTime);

    /// <summary>The year's effective holidays (rules minus removals, plus manual additions), ordered by date.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => For(year).List;

    /// <summary>Converts an instant to the client's local offset (same instant).</summary>
    public DateTimeOffset ToClientTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>True when <paramref name="instant"/> is inside an opening interval (opening instant included, closing excluded).</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        foreach (var span in SpansFrom(StartDateFor(instant)))
        {
            if (span.Start > utc)
            {
                return false;
            }

            if (utc < span.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first open instant at or after <paramref name="instant"/>: the instant itself when already open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => AddBusinessHours(instant, TimeSpan.Zero);

    /// <summary>
    /// Adds business hours; fractional hours are rounded to the nearest whole second.
    /// </summary>
    /// <inheritdoc cref="AddBusinessHours(DateTimeOffset, TimeSpan)"/>
    public DateTimeOffset AddBusinessHours(DateTimeOffset start, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Business hours must be a finite, non-negative number.");
        }

        var seconds = Math.Round(hours * 3600d, MidpointRounding.AwayFromZero);
        if (seconds > TimeSpan.MaxValue.TotalSeconds - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Too many business hours.");
        }

        return AddBusinessHours(start, TimeSpan.FromTicks((long)seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has elapsed, counting from
    /// <paramref name="start"/> (or from the next opening when <paramref name="start"/> is closed). When the
    /// duration is used up exactly at a closing instant, that closing instant is returned (Mon 08:00 + 10 h with
    /// 08:00–18:00 hours is Mon 18:00, not Tue 08:00). A zero duration returns <see cref="NextOpening"/>.
    /// Skips whole days and intervals: the cost grows with the number of calendar days spanned, not with the duration.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, or the result is beyond year 9999.</exception>
    public DateTimeOffset AddBusinessHours(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Business time must not be negative.");
        }

        var remaining = duration.Ticks;
        var cursor = start.UtcDateTime;
        foreach (var span in SpansFrom(StartDateFor(start)))
        {
            if (span.End <= cursor)
            {
                continue;
            }

            var from = span.Start > cursor ? span.Start : cursor;
            var available = (span.End - from).Ticks;
            if (remaining <= available)
            {
                return ToClient(from.AddTicks(remaining));
            }

            remaining -= available;
        }

        throw new ArgumentOutOfRangeException(nameof(duration), duration, "The result is beyond the supported calendar range.");
    }

    /// <summary>
    /// Business time between two instants: the part of [<paramref name="from"/>, <paramref name="to"/>) that lies
    /// inside opening intervals. Antisymmetric: when <paramref name="from"/> is after <paramref name="to"/> the result
    /// is negative (<c>BusinessHoursBetween(b, a) == -BusinessHoursBetween(a, b)</c>); equal instants give zero.
    /// For any start s and duration d ≥ 0: <c>BusinessHoursBetween(s, AddBusinessHours(s, d)) == d</c>.
    /// </summary>
    public TimeSpan BusinessHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
        {
            return -BusinessHoursBetween(to, from);
        }

        var a = from.UtcDateTime;
        var b = to.UtcDateTime;
        var total = 0L;
        if (a == b)
        {
            return TimeSpan.Zero;
        }

        foreach (var span in SpansFrom(StartDateFor(from)))
        {
            if (span.Start >= b)
            {
                break;
            }

            var start = span.Start > a ? span.Start : a;
            var end = span.End < b ? span.End : b;
            if (end > start)
            {
                total += (end - start).Ticks;
            }
        }

        return TimeSpan.FromTicks(total);
    }

    // One day earlier than the instant's local date, so an interval of the previous day that (through DST
    // mapping) still covers the instant is never missed.
    private DateOnly StartDateFor(DateTimeOffset instant)
    {
        var local = DateOnly.FromDateTime(ToClientTime(instant).DateTime);
        return local == DateOnly.MinValue ? local : local.AddDays(-1);
    }

    private DateTimeOffset ToClient(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZone);

    /// <summary>Open spans as UTC instants, day after day from <paramref name="firstDate"/>, ascending and non-overlapping.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> SpansFrom(DateOnly firstDate)
    {
        for (var date = firstDate; ; date = date.AddDays(1))
        {
            if (!IsHoliday(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
                foreach (var interval in Hours[date.DayOfWeek])
                {
                    var start = LocalToUtc(midnight + interval.Start);
                    var end = LocalToUtc(midnight + interval.End);
                    if (end > start)
                    {
                        yield return (start, end);
                    }
                }
            }

            if (date == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }

    private DateTime LocalToUtc(DateTime local)
    {
        if (TimeZone.IsAmbiguousTime(local))
        {
            // Repeated wall time (DST fall-back): take the first occurrence, i.e. the larger offset.
            var offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        if (!TimeZone.IsInvalidTime(local))
        {
            return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
        }

        // Skipped wall time (DST spring-forward gap): use the instant the gap ends, keeping the mapping monotonic.
        var offsetBefore = TimeZone.GetUtcOffset(local.AddDays(-1));
        var offsetAfter = TimeZone.GetUtcOffset(local.AddDays(1));
        var low = DateTime.SpecifyKind(local - (offsetBefore > offsetAfter ? offsetBefore : offsetAfter), DateTimeKind.Utc);
        var high = DateTime.SpecifyKind(local - (offsetBefore > offsetAfter ? offsetAfter : offsetBefore), DateTimeKind.Utc);
        while ((high - low).Ticks > 1)
        {
            var middle = low.AddTicks((high - low).Ticks / 2);
            if (middle + TimeZone.GetUtcOffset(middle) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    private YearHolidays For(int year) =>
        holidaysByYear.GetOrAdd(year, static (y, calendar) => calendar.Compute(y), this);

    private YearHolidays Compute(int year)
    {
        var overrides = overridesByYear[year].ToList();
        var removed = overrides.Where(static o => o.Kind == HolidayOverrideKind.Remove).Select(static o => o.Date).ToHashSet();
        var list = HolidayRules.For(Country, year)
            .Where(h => !removed.Contains(h.Date))
            .Concat(overrides.Where(static o => o.Kind == HolidayOverrideKind.Add).Select(static o => new Holiday(o.Date, o.Name, HolidaySource.Manual)))
            .Distinct()
            .OrderBy(static h => h.Date)
            .ThenBy(static h => h.Source)
            .ThenBy(static h => h.Name, StringComparer.Ordinal)
            .ToList();
        return new YearHolidays(list.AsReadOnly(), list.Select(static h => h.Date).ToFrozenSet());
    }

    private sealed record YearHolidays(IReadOnlyList<Holiday> List, FrozenSet<DateOnly> Dates);
}

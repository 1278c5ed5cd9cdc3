using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

/// <summary>
/// Property-style checks over many random instants and durations (fixed seeds, so failures reproduce).
/// Half of the instants sit on whole quarter hours of the client's wall clock so that openings, closings and
/// lunch breaks are hit exactly, the rest are arbitrary to the second.
/// </summary>
public class BusinessCalendarPropertyTests
{
    public static TheoryData<string, int> Calendars => new()
    {
        { "CO Mon-Fri 08:00-18:00", 20260405 },
        { "CO Mon-Fri 08:00-12:00, 14:00-18:00; Sat 08:00-12:00", 20270328 },
        { "BO Mon-Fri 08:30-12:30, 14:30-18:30", 1983 },
        { "CO Mon-Sun 00:00-24:00", 42 },
    };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessHoursBetween_measures_exactly_what_AddBusinessHours_added(string calendarSpec, int seed)
    {
        var calendar = Build(calendarSpec);
        var random = new Random(seed);

        for (var i = 0; i < 400; i++)
        {
            var start = RandomInstant(random, calendar);
            var duration = RandomDuration(random);

            var due = calendar.AddBusinessHours(start, duration);

            Assert.Equal(duration, calendar.BusinessHoursBetween(start, due));
            Assert.Equal(-duration, calendar.BusinessHoursBetween(due, start));
            Assert.True(due >= start);
            Assert.Equal(calendar.TimeZone.GetUtcOffset(due), due.Offset);
            if (duration > TimeSpan.Zero)
            {
                // The due instant is inside an interval or exactly at its closing, never at a later opening.
                Assert.True(calendar.IsOpen(due.AddTicks(-1)), $"{Iso(start)} + {duration} = {Iso(due)} is not right after open time");
            }
            else
            {
                Assert.Equal(calendar.NextOpening(start), due);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddBusinessHours_of_the_measured_time_lands_back_on_an_open_end(string calendarSpec, int seed)
    {
        var calendar = Build(calendarSpec);
        var random = new Random(seed + 1);

        for (var i = 0; i < 400; i++)
        {
            var a = RandomInstant(random, calendar);
            var b = a + RandomDuration(random) * 2;

            var measured = calendar.BusinessHoursBetween(a, b);
            var landed = calendar.AddBusinessHours(a, measured);

            Assert.True(measured >= TimeSpan.Zero && measured <= b - a);
            Assert.True(landed <= b || measured == TimeSpan.Zero, $"{Iso(a)} → {Iso(b)}: landed {Iso(landed)}");
            if (measured > TimeSpan.Zero)
            {
                // Nothing open is left between where the time runs out and b …
                Assert.Equal(TimeSpan.Zero, calendar.BusinessHoursBetween(landed, b));
            }

            if (calendar.IsOpen(b) && calendar.IsOpen(b.AddTicks(-1)))
            {
                // … so when b is strictly inside an opening interval, that is b itself. (When b is an opening
                // instant, the time ran out at the previous closing, which is before b.)
                Assert.Equal(b, landed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddBusinessHours_is_monotonic_and_additive(string calendarSpec, int seed)
    {
        var calendar = Build(calendarSpec);
        var random = new Random(seed + 2);

        for (var i = 0; i < 300; i++)
        {
            var start = RandomInstant(random, calendar);
            var first = RandomDuration(random);
            var second = RandomDuration(random);

            var direct = calendar.AddBusinessHours(start, first + second);
            var inSteps = calendar.AddBusinessHours(calendar.AddBusinessHours(start, first), second);

            Assert.True(calendar.AddBusinessHours(start, first) <= direct);
            if (second > TimeSpan.Zero)
            {
                Assert.Equal(direct, inSteps);
            }
        }
    }

    private static BusinessCalendar Build(string spec)
    {
        var hours = Hours(spec[3..]);
        return spec.StartsWith("BO", StringComparison.Ordinal) ? Bolivia(hours) : Colombia(hours);
    }

    private static DateTimeOffset RandomInstant(Random random, BusinessCalendar calendar)
    {
        var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(0, 730));
        var timeOfDay = random.Next(2) == 0
            ? TimeSpan.FromMinutes(15 * random.Next(0, 96))
            : TimeSpan.FromSeconds(random.Next(0, 86_400));
        var local = day + timeOfDay;
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    private static TimeSpan RandomDuration(Random random) => random.Next(4) switch
    {
        0 => TimeSpan.Zero + TimeSpan.FromMinutes(30 * random.Next(0, 20)),
        1 => TimeSpan.FromHours(random.Next(1, 200)),
        _ => TimeSpan.FromSeconds(random.Next(0, 300 * 3600)),
    };
}

using ContactOps.Platform;
using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

/// <summary>
/// Colombia and Bolivia have no DST, but the calendar converts through <see cref="TimeZoneInfo"/> so it stays right in
/// zones that do. New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT falls back to 01:00 EST.
/// </summary>
public class BusinessCalendarTimeZoneTests
{
    private static BusinessCalendar NewYorkCalendar(string hours) => new(NewYork, Hours(hours), Country.CO);

    [Fact]
    public void Bogota_and_la_paz_offsets_are_carried_on_results()
    {
        Assert.Equal("2026-03-02T09:00:00-05:00", Iso(Colombia().AddBusinessHours(At("2026-03-02T08:00:00-05:00"), 1)));
        Assert.Equal("2026-03-02T09:00:00-04:00", Iso(Bolivia().AddBusinessHours(At("2026-03-02T08:00:00-04:00"), 1)));
        // The same instant is 08:00 in Bogotá but 09:00 in La Paz: 1 h in Bogotá ends at 09:00 -05:00,
        // 1 h in La Paz from 09:00 -04:00 ends at 10:00 -04:00.
        Assert.Equal("2026-03-02T10:00:00-04:00", Iso(Bolivia().AddBusinessHours(At("2026-03-02T08:00:00-05:00"), 1)));
    }

    [Fact]
    public void Round_the_clock_hours_count_real_time_across_spring_forward()
    {
        var calendar = NewYorkCalendar("Mon-Sun 00:00-24:00");

        var due = calendar.AddBusinessHours(At("2026-03-07T12:00:00-05:00"), 24);

        Assert.Equal("2026-03-08T13:00:00-04:00", Iso(due));
        Assert.Equal(TimeSpan.FromHours(23), calendar.BusinessHoursBetween(At("2026-03-08T00:00:00-05:00"), At("2026-03-09T00:00:00-04:00")));
    }

    [Fact]
    public void An_interval_spanning_the_spring_forward_gap_is_shorter()
    {
        var calendar = NewYorkCalendar("Sun 01:00-04:00");
        var sunday = At("2026-03-08T00:00:00-05:00");

        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessHoursBetween(sunday, At("2026-03-09T00:00:00-04:00")));
        Assert.Equal("2026-03-08T04:00:00-04:00", Iso(calendar.AddBusinessHours(sunday, 2)));
        Assert.True(calendar.IsOpen(At("2026-03-08T01:59:59-05:00")));
        Assert.True(calendar.IsOpen(At("2026-03-08T03:00:00-04:00")));
    }

    [Fact]
    public void An_opening_inside_the_spring_forward_gap_starts_when_the_gap_ends()
    {
        var calendar = NewYorkCalendar("Sun 02:30-05:00");

        Assert.Equal("2026-03-08T03:00:00-04:00", Iso(calendar.NextOpening(At("2026-03-08T00:00:00-05:00"))));
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessHoursBetween(At("2026-03-08T00:00:00-05:00"), At("2026-03-09T00:00:00-04:00")));
    }

    [Fact]
    public void An_interval_spanning_the_fall_back_hour_is_longer()
    {
        var calendar = NewYorkCalendar("Sun 00:00-03:00");

        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessHoursBetween(At("2026-11-01T00:00:00-04:00"), At("2026-11-02T00:00:00-05:00")));
        Assert.Equal("2026-11-01T01:30:00-05:00", Iso(calendar.AddBusinessHours(At("2026-11-01T00:00:00-04:00"), 2.5)));
    }

    [Fact]
    public void An_ambiguous_opening_uses_its_first_occurrence()
    {
        var calendar = NewYorkCalendar("Sun 01:30-03:00");

        Assert.Equal("2026-11-01T01:30:00-04:00", Iso(calendar.NextOpening(At("2026-11-01T00:00:00-04:00"))));
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.BusinessHoursBetween(At("2026-11-01T00:00:00-04:00"), At("2026-11-02T00:00:00-05:00")));
    }
}

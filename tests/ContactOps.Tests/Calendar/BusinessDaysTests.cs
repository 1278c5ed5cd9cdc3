using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

/// <summary>Regulatory business days ("días hábiles"): Monday–Friday minus the calendar's holidays, start date not counted.</summary>
public class BusinessDaysTests
{
    private readonly BusinessCalendar colombia = Colombia();

    [Theory]
    // Friday 2026-12-04: Tue 8 Dec (Inmaculada Concepción) and Fri 25 Dec (Navidad) are skipped, as are weekends.
    [InlineData("2026-12-04", 1, "2026-12-07")]
    [InlineData("2026-12-04", 2, "2026-12-09")]
    [InlineData("2026-12-04", 10, "2026-12-21")]
    [InlineData("2026-12-04", 15, "2026-12-29")]
    // Across the new year: Fri 1 Jan 2027 and Mon 11 Jan 2027 (Reyes Magos, moved to Monday) are holidays.
    [InlineData("2026-12-30", 1, "2026-12-31")]
    [InlineData("2026-12-30", 2, "2027-01-04")]
    [InlineData("2027-01-08", 1, "2027-01-12")]
    // Filed on a Saturday: counting starts on Monday.
    [InlineData("2026-11-21", 1, "2026-11-23")]
    [InlineData("2026-11-20", 0, "2026-11-20")]
    public void AddBusinessDays_skips_weekends_and_holidays(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            colombia.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void Business_days_ignore_the_contact_centers_saturday_hours()
    {
        var withSaturday = Colombia(Hours("Mon-Fri 08:00-18:00; Sat 08:00-12:00"));
        Assert.False(withSaturday.IsBusinessDay(new DateOnly(2026, 11, 21)));
        Assert.True(withSaturday.IsBusinessDay(new DateOnly(2026, 11, 20)));
        Assert.False(withSaturday.IsBusinessDay(new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void A_manual_holiday_override_counts()
    {
        var closed = Colombia(null, HolidayOverride.Add(new DateOnly(2026, 12, 7), "Cierre por inventario"));
        Assert.Equal(new DateOnly(2026, 12, 9), closed.AddBusinessDays(new DateOnly(2026, 12, 4), 1));
    }

    [Fact]
    public void Bolivia_uses_its_own_holidays()
    {
        // Thursday 6 August 2026 is Bolivia's independence day, a working day in Colombia (whose holiday is Friday the 7th).
        Assert.Equal(new DateOnly(2026, 8, 7), Bolivia().AddBusinessDays(new DateOnly(2026, 8, 5), 1));
        Assert.Equal(new DateOnly(2026, 8, 6), colombia.AddBusinessDays(new DateOnly(2026, 8, 5), 1));
        Assert.Equal(new DateOnly(2026, 8, 10), colombia.AddBusinessDays(new DateOnly(2026, 8, 6), 1));
    }

    [Fact]
    public void BusinessDaysBetween_counts_days_after_the_start_up_to_the_end()
    {
        Assert.Equal(15, colombia.BusinessDaysBetween(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 29)));
        Assert.Equal(0, colombia.BusinessDaysBetween(new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 4)));
        Assert.Equal(0, colombia.BusinessDaysBetween(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void Negative_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => colombia.AddBusinessDays(new DateOnly(2026, 12, 4), -1));
    }
}

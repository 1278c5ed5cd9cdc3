using ContactOps.Platform;
using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

public class BusinessCalendarOpeningTests
{
    private readonly BusinessCalendar colombia = Colombia();

    [Theory]
    [InlineData("2026-03-02T08:00:00-05:00", true)]   // Monday, opening instant is open
    [InlineData("2026-03-02T07:59:59-05:00", false)]
    [InlineData("2026-03-02T17:59:59-05:00", true)]
    [InlineData("2026-03-02T18:00:00-05:00", false)]  // closing instant is closed
    [InlineData("2026-03-02T13:00:00+00:00", true)]   // 08:00 in Bogotá, given in UTC
    [InlineData("2026-03-02T12:59:59+00:00", false)]
    [InlineData("2026-03-07T10:00:00-05:00", false)]  // Saturday
    [InlineData("2026-03-23T10:00:00-05:00", false)]  // San José (moved to Monday)
    [InlineData("2026-03-24T10:00:00-05:00", true)]
    public void IsOpen_uses_half_open_intervals_in_the_client_zone(string instant, bool open)
    {
        Assert.Equal(open, colombia.IsOpen(At(instant)));
    }

    [Theory]
    [InlineData("2026-03-07T10:00:00-05:00", "2026-03-09T08:00:00-05:00")] // Saturday → Monday
    [InlineData("2026-03-02T10:15:30-05:00", "2026-03-02T10:15:30-05:00")] // already open → itself
    [InlineData("2026-03-02T08:00:00-05:00", "2026-03-02T08:00:00-05:00")]
    [InlineData("2026-03-20T18:00:00-05:00", "2026-03-24T08:00:00-05:00")] // Friday closing, Monday holiday
    [InlineData("2026-04-01T19:00:00-05:00", "2026-04-06T08:00:00-05:00")] // Holy Thursday + Good Friday + weekend
    [InlineData("2026-03-03T03:00:00+00:00", "2026-03-03T08:00:00-05:00")] // 22:00 Monday in Bogotá, given in UTC
    public void NextOpening_returns_the_first_open_instant_with_the_client_offset(string instant, string expected)
    {
        var next = colombia.NextOpening(At(instant));

        Assert.Equal(expected, Iso(next));
        Assert.Equal(TimeSpan.FromHours(-5), next.Offset);
    }

    [Fact]
    public void Holidays_are_closed_all_day_and_can_be_listed()
    {
        Assert.True(colombia.IsHoliday(new DateOnly(2026, 11, 16)));
        Assert.False(colombia.IsHoliday(new DateOnly(2026, 11, 11))); // moved to Monday 16
        Assert.Equal(HolidayRules.For(Country.CO, 2026), colombia.HolidaysIn(2026));
        Assert.Same(colombia.HolidaysIn(2026), colombia.HolidaysIn(2026)); // cached per year
    }
}

public class BusinessCalendarOverrideTests
{
    [Fact]
    public void A_manual_addition_closes_the_day_and_is_listed_as_manual()
    {
        var calendar = Colombia(null, HolidayOverride.Add(new DateOnly(2026, 3, 4), "Inventario anual"));

        Assert.True(calendar.IsHoliday(new DateOnly(2026, 3, 4)));
        Assert.False(calendar.IsOpen(At("2026-03-04T10:00:00-05:00")));
        Assert.Equal(20, calendar.HolidaysIn(2026).Count);
        Assert.Contains(new Holiday(new DateOnly(2026, 3, 4), "Inventario anual", HolidaySource.Manual), calendar.HolidaysIn(2026));
        Assert.Equal("2026-03-05T09:00:00-05:00", Iso(calendar.AddBusinessHours(At("2026-03-03T17:00:00-05:00"), 2)));
    }

    [Fact]
    public void A_removal_turns_a_rule_holiday_into_a_working_day_only_in_its_year()
    {
        var calendar = Colombia(null, HolidayOverride.Remove(new DateOnly(2026, 3, 23), "Se trabaja San José"));

        Assert.False(calendar.IsHoliday(new DateOnly(2026, 3, 23)));
        Assert.DoesNotContain(calendar.HolidaysIn(2026), h => h.Name == "Día de San José");
        Assert.Equal(18, calendar.HolidaysIn(2026).Count);
        Assert.True(calendar.IsHoliday(new DateOnly(2027, 3, 22)));
        Assert.Equal("2026-03-23T10:00:00-05:00", Iso(calendar.AddBusinessHours(At("2026-03-20T16:00:00-05:00"), 4)));
    }

    [Fact]
    public void A_manual_addition_wins_over_a_removal_on_the_same_date()
    {
        var date = new DateOnly(2026, 12, 8);
        var calendar = Colombia(null, HolidayOverride.Add(date, "Cierre de fin de año"), HolidayOverride.Remove(date, "Se trabaja"));

        Assert.True(calendar.IsHoliday(date));
        var onDate = Assert.Single(calendar.HolidaysIn(2026), h => h.Date == date);
        Assert.Equal(HolidaySource.Manual, onDate.Source);
    }

    [Fact]
    public void One_off_decrees_are_applied_as_overrides_bolivia_ds_5521_of_2026()
    {
        var calendar = Bolivia(
            null,
            HolidayOverride.Remove(new DateOnly(2026, 1, 22), "DS 5521: trasladado al viernes 23"),
            HolidayOverride.Add(new DateOnly(2026, 1, 23), "Día del Estado Plurinacional (DS 5521)"),
            HolidayOverride.Add(new DateOnly(2026, 6, 5), "Feriado adicional de Corpus Christi (DS 5521)"),
            HolidayOverride.Add(new DateOnly(2026, 8, 7), "Feriado adicional de la Independencia (DS 5521)"));

        Assert.False(calendar.IsHoliday(new DateOnly(2026, 1, 22)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 1, 23)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 6, 5)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 8, 7)));
        Assert.Equal(14, calendar.HolidaysIn(2026).Count);
        // Wednesday 3 June 17:00 + 2 h: 1 h Wednesday, Thursday Corpus, Friday extra holiday → Monday 09:00.
        Assert.Equal("2026-06-08T09:00:00-04:00", Iso(calendar.AddBusinessHours(At("2026-06-03T17:00:00-04:00"), 2)));
    }

    [Fact]
    public void Create_reports_unknown_time_zones_and_invalid_overrides_as_validation_errors()
    {
        var unknown = BusinessCalendar.Create("America/Atlantis", WeeklyHours.Default, Country.CO);
        Assert.Equal("calendar.time_zone_unknown", unknown.Error!.Code);

        var badOverride = BusinessCalendar.Create("America/Bogota", WeeklyHours.Default, Country.CO, [HolidayOverride.Add(new DateOnly(2026, 1, 2), "  ")]);
        Assert.Equal("holiday_override.name_required", badOverride.Error!.Code);

        var ok = BusinessCalendar.Create("America/La_Paz", WeeklyHours.Default, Country.BO);
        Assert.True(ok.IsSuccess);
        Assert.Equal(TimeSpan.FromHours(-4), ok.Value!.TimeZone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Throws<ArgumentException>(() => Colombia(null, HolidayOverride.Add(new DateOnly(2026, 1, 2), "")));
    }
}

public class AddBusinessHoursTests
{
    private readonly BusinessCalendar colombia = Colombia();

    [Theory]
    [InlineData("2026-03-02T08:00:00-05:00", 10, "2026-03-02T18:00:00-05:00")]   // completes exactly at closing: Monday 18:00, not Tuesday 08:00
    [InlineData("2026-03-02T08:00:00-05:00", 1, "2026-03-02T09:00:00-05:00")]
    [InlineData("2026-03-06T16:00:00-05:00", 4, "2026-03-09T10:00:00-05:00")]    // across the weekend
    [InlineData("2026-03-06T16:00:00-05:00", 2, "2026-03-06T18:00:00-05:00")]    // Friday closing, not Monday opening
    [InlineData("2026-03-20T16:00:00-05:00", 4, "2026-03-24T10:00:00-05:00")]    // across a holiday Monday (San José)
    [InlineData("2026-03-03T06:30:00-05:00", 1.5, "2026-03-03T09:30:00-05:00")]  // start before opening
    [InlineData("2026-03-03T19:00:00-05:00", 2, "2026-03-04T10:00:00-05:00")]    // start after closing
    [InlineData("2026-04-02T10:00:00-05:00", 1, "2026-04-06T09:00:00-05:00")]    // start on a holiday (Jueves Santo)
    [InlineData("2026-03-02T08:00:00-05:00", 72, "2026-03-11T10:00:00-05:00")]   // 72 business hours = 7 days + 2 h
    [InlineData("2026-04-01T08:00:00-05:00", 72, "2026-04-14T10:00:00-05:00")]   // 72 h across Semana Santa
    [InlineData("2026-11-13T15:00:00-05:00", 25, "2026-11-19T10:00:00-05:00")]   // across Monday 16 Nov (Cartagena)
    [InlineData("2026-03-02T13:00:00+00:00", 1, "2026-03-02T09:00:00-05:00")]    // input in UTC, result in client offset
    [InlineData("2026-03-02T08:00:00-05:00", 1.2345, "2026-03-02T09:14:04-05:00")] // 4444.2 s → 4444 s
    [InlineData("2026-03-02T08:00:00-05:00", 0.0002, "2026-03-02T08:00:01-05:00")] // 0.72 s → 1 s
    [InlineData("2026-03-07T10:00:00-05:00", 0, "2026-03-09T08:00:00-05:00")]    // zero from a closed instant = next opening
    [InlineData("2026-03-02T11:11:11-05:00", 0, "2026-03-02T11:11:11-05:00")]
    public void Adds_business_hours_in_bogota(string start, double hours, string expected)
    {
        var due = colombia.AddBusinessHours(At(start), hours);

        Assert.Equal(expected, Iso(due));
        Assert.Equal(TimeSpan.FromHours(-5), due.Offset);
    }

    [Fact]
    public void TimeSpan_overload_is_exact_to_the_second_and_below()
    {
        var start = At("2026-03-02T17:00:00-05:00");

        Assert.Equal("2026-03-03T09:30:15-05:00", Iso(colombia.AddBusinessHours(start, new TimeSpan(2, 30, 15))));
        Assert.Equal(At("2026-03-03T08:00:00-05:00").AddTicks(1), colombia.AddBusinessHours(start, TimeSpan.FromHours(1).Add(TimeSpan.FromTicks(1))));
    }

    [Fact]
    public void A_whole_year_of_business_hours_matches_the_hand_count()
    {
        // 2026: 261 weekdays − 19 holidays (all on weekdays) = 242 business days × 10 h.
        var yearStart = At("2026-01-01T00:00:00-05:00");
        var nextYear = At("2027-01-01T00:00:00-05:00");

        Assert.Equal(TimeSpan.FromHours(2420), colombia.BusinessHoursBetween(yearStart, nextYear));
        Assert.Equal("2026-12-31T18:00:00-05:00", Iso(colombia.AddBusinessHours(yearStart, 2420)));
        Assert.Equal("2027-01-04T08:00:01-05:00", Iso(colombia.AddBusinessHours(yearStart, TimeSpan.FromHours(2420).Add(TimeSpan.FromSeconds(1)))));
    }

    [Fact]
    public void Large_values_skip_whole_days()
    {
        var start = At("2026-03-02T08:00:00-05:00");
        var hours = TimeSpan.FromHours(1_000_000) + TimeSpan.FromSeconds(7); // roughly four centuries of business days

        var due = colombia.AddBusinessHours(start, hours);

        Assert.InRange(due.Year, 2400, 2450);
        Assert.Equal(hours, colombia.BusinessHoursBetween(start, due));
        Assert.True(colombia.IsOpen(due.AddSeconds(-1)));
    }

    [Fact]
    public void Saturday_half_day_is_used_and_its_noon_closing_is_a_valid_due()
    {
        var calendar = Colombia(Hours("Mon-Fri 08:00-18:00; Sat 08:00-12:00"));
        var friday = At("2026-03-06T17:00:00-05:00");

        Assert.Equal("2026-03-07T10:00:00-05:00", Iso(calendar.AddBusinessHours(friday, 3)));
        Assert.Equal("2026-03-07T12:00:00-05:00", Iso(calendar.AddBusinessHours(friday, 5)));
        Assert.Equal("2026-03-09T09:00:00-05:00", Iso(calendar.AddBusinessHours(friday, 6)));
        Assert.True(calendar.IsOpen(At("2026-03-07T11:59:59-05:00")));
        Assert.False(calendar.IsOpen(At("2026-03-07T12:00:00-05:00")));
        Assert.Equal(TimeSpan.FromHours(6), calendar.BusinessHoursBetween(friday, At("2026-03-09T09:00:00-05:00")));
    }

    [Fact]
    public void Split_shift_skips_the_lunch_break()
    {
        var calendar = Colombia(Hours("Mon-Fri 08:00-12:00, 14:00-18:00"));

        Assert.Equal("2026-03-02T12:00:00-05:00", Iso(calendar.AddBusinessHours(At("2026-03-02T11:00:00-05:00"), 1)));
        Assert.Equal("2026-03-02T14:30:00-05:00", Iso(calendar.AddBusinessHours(At("2026-03-02T11:00:00-05:00"), 1.5)));
        Assert.Equal("2026-03-02T14:00:00-05:00", Iso(calendar.NextOpening(At("2026-03-02T12:00:00-05:00"))));
    }

    [Fact]
    public void Bolivia_uses_la_paz_offset_and_the_sunday_transfer_monday()
    {
        var calendar = Bolivia();

        // Friday 19 June 17:00 + 2 h: 1 h Friday, Monday 22 June is the transfer of Sunday 21 June → Tuesday 09:00.
        Assert.Equal("2026-06-23T09:00:00-04:00", Iso(calendar.AddBusinessHours(At("2026-06-19T17:00:00-04:00"), 2)));
        // Corpus Christi is a Thursday holiday in Bolivia (not moved).
        Assert.Equal("2026-06-05T09:00:00-04:00", Iso(calendar.AddBusinessHours(At("2026-06-03T17:00:00-04:00"), 2)));
    }

    [Fact]
    public void Invalid_durations_are_rejected()
    {
        var start = At("2026-03-02T08:00:00-05:00");

        Assert.Throws<ArgumentOutOfRangeException>(() => colombia.AddBusinessHours(start, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => colombia.AddBusinessHours(start, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => colombia.AddBusinessHours(start, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => colombia.AddBusinessHours(start, TimeSpan.FromTicks(-1)));
    }
}

public class BusinessHoursBetweenTests
{
    private readonly BusinessCalendar colombia = Colombia();

    [Theory]
    [InlineData("2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-05:00", 4)]     // across the weekend
    [InlineData("2026-03-20T16:00:00-05:00", "2026-03-24T10:00:00-05:00", 4)]     // across a holiday Monday
    [InlineData("2026-03-07T09:00:00-05:00", "2026-03-08T17:00:00-05:00", 0)]     // inside the weekend
    [InlineData("2026-03-02T06:00:00-05:00", "2026-03-02T20:00:00-05:00", 10)]    // closed margins do not count
    [InlineData("2026-03-02T10:00:00-05:00", "2026-03-02T10:00:00-05:00", 0)]
    [InlineData("2026-03-02T10:00:00-05:00", "2026-03-02T15:30:00+00:00", 0.5)]   // mixed offsets: 10:30 in Bogotá
    [InlineData("2026-03-09T10:00:00-05:00", "2026-03-06T16:00:00-05:00", -4)]    // reversed → negative
    public void Counts_only_open_time(string from, string to, double expectedHours)
    {
        Assert.Equal(TimeSpan.FromHours(expectedHours), colombia.BusinessHoursBetween(At(from), At(to)));
    }

    [Fact]
    public void Is_antisymmetric()
    {
        var a = At("2026-03-04T09:12:13-05:00");
        var b = At("2026-04-20T15:01:02-05:00");

        var forward = colombia.BusinessHoursBetween(a, b);

        Assert.True(forward > TimeSpan.Zero);
        Assert.Equal(-forward, colombia.BusinessHoursBetween(b, a));
    }
}

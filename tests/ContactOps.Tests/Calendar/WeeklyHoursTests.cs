using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Calendar.CalendarTestData;

namespace ContactOps.Tests.Calendar;

public class WeeklyHoursTests
{
    [Fact]
    public void Default_is_monday_to_friday_eight_to_six()
    {
        var hours = WeeklyHours.Default;

        Assert.Equal("Mon-Fri 08:00-18:00", hours.ToString());
        Assert.Equal(TimeSpan.FromHours(50), hours.WeeklyOpenTime);
        Assert.Equal(new[] { OpeningInterval.FromHours(8, 18) }, hours[DayOfWeek.Wednesday]);
        Assert.Empty(hours[DayOfWeek.Saturday]);
        Assert.Empty(hours[DayOfWeek.Sunday]);
    }

    [Fact]
    public void Parses_saturday_half_day()
    {
        var hours = Hours("Mon-Fri 08:00-18:00; Sat 08:00-12:00");

        Assert.Equal(new[] { OpeningInterval.FromHours(8, 12) }, hours[DayOfWeek.Saturday]);
        Assert.Equal(new[] { OpeningInterval.FromHours(8, 18) }, hours[DayOfWeek.Friday]);
        Assert.Empty(hours[DayOfWeek.Sunday]);
        Assert.Equal(TimeSpan.FromHours(54), hours.WeeklyOpenTime);
        Assert.Equal("Mon-Fri 08:00-18:00; Sat 08:00-12:00", hours.ToString());
    }

    [Fact]
    public void Spanish_day_names_any_case_and_single_digit_hours_are_accepted()
    {
        var hours = Hours("lun-VIE 8:00-18:00 ; Sáb 08:00-12:00;");

        Assert.Equal(Hours("Mon-Fri 08:00-18:00; Sat 08:00-12:00"), hours);
    }

    [Fact]
    public void Split_shift_gives_two_intervals_per_day()
    {
        var hours = Hours("Mon-Fri 08:00-12:00, 14:00-18:00");

        Assert.Equal(new[] { OpeningInterval.FromHours(8, 12), OpeningInterval.FromHours(14, 18) }, hours[DayOfWeek.Monday]);
        Assert.Equal(TimeSpan.FromHours(40), hours.WeeklyOpenTime);
        Assert.Equal("Mon-Fri 08:00-12:00, 14:00-18:00", hours.ToString());
    }

    [Theory]
    [InlineData("Mon 08:00-12:00, 12:00-18:00", "Mon 08:00-18:00")]
    [InlineData("Mon 08:00-12:00; Wed 08:00-12:00; Fri 08:00-12:00", "Mon,Wed,Fri 08:00-12:00")]
    [InlineData("Fri-Mon 10:00-14:00", "Mon,Fri-Sun 10:00-14:00")]
    [InlineData("Sun 00:00-24:00; Sat 08:00:30-12:00", "Sat 08:00:30-12:00; Sun 00:00-24:00")]
    [InlineData("Mon-Fri 08:00-12:00; Mon 14:00-18:00", "Mon 08:00-12:00, 14:00-18:00; Tue-Fri 08:00-12:00")]
    [InlineData("Tue 14:00-18:00, 08:00-12:00", "Tue 08:00-12:00, 14:00-18:00")]
    [InlineData("Mon,Tue, Thu - Fri 07:00-19:00", "Mon-Tue,Thu-Fri 07:00-19:00")]
    public void ToString_is_canonical(string input, string canonical)
    {
        Assert.Equal(canonical, Hours(input).ToString());
    }

    [Theory]
    [InlineData("Mon-Fri 08:00-18:00; Sat 08:00-12:00")]
    [InlineData("Mon,Wed,Fri 08:00-12:00, 13:00-17:30")]
    [InlineData("Mon-Sun 00:00-24:00")]
    [InlineData("Fri-Mon 22:00-24:00; Tue 00:00-06:00, 22:00-23:59:59")]
    public void Parse_of_ToString_round_trips(string input)
    {
        var hours = Hours(input);
        var again = Hours(hours.ToString());

        Assert.Equal(hours, again);
        Assert.Equal(hours.GetHashCode(), again.GetHashCode());
        Assert.True(hours == again);
    }

    [Fact]
    public void Equality_is_by_content()
    {
        Assert.Equal(WeeklyHours.Default, Hours("Mon-Fri 08:00-18:00"));
        Assert.NotEqual(WeeklyHours.Default, Hours("Mon-Fri 08:00-17:00"));
        Assert.NotEqual(WeeklyHours.Default, Hours("Mon-Sat 08:00-18:00"));
        Assert.True(WeeklyHours.Default != Hours("Mon-Thu 08:00-18:00"));
    }

    [Theory]
    [InlineData("", "weekly_hours.empty")]
    [InlineData("   ", "weekly_hours.empty")]
    [InlineData(";", "weekly_hours.empty")]
    [InlineData("Mon 18:00-08:00", "weekly_hours.interval_invalid")]
    [InlineData("Mon 10:00-10:00", "weekly_hours.interval_invalid")]
    [InlineData("Mon 08:00-12:00, 11:00-13:00", "weekly_hours.overlap")]
    [InlineData("Mon-Fri 08:00-18:00; Fri 17:00-19:00", "weekly_hours.overlap")]
    [InlineData("Xyz 08:00-12:00", "weekly_hours.syntax")]
    [InlineData("08:00-12:00", "weekly_hours.syntax")]
    [InlineData("Mon-Fri", "weekly_hours.syntax")]
    [InlineData("Mon 8-12", "weekly_hours.syntax")]
    [InlineData("Mon 08:00", "weekly_hours.syntax")]
    [InlineData("Mon 25:00-26:00", "weekly_hours.syntax")]
    [InlineData("Mon 08:00-24:30", "weekly_hours.syntax")]
    [InlineData("Mon 08:60-09:00", "weekly_hours.syntax")]
    [InlineData("Mon 08:00-12:00,", "weekly_hours.syntax")]
    [InlineData("Mon-Tue-Wed 08:00-12:00", "weekly_hours.syntax")]
    public void Invalid_text_is_a_validation_error(string text, string code)
    {
        var result = WeeklyHours.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(ContactOps.Platform.Results.ErrorKind.Validation, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Overlap_message_names_the_day_in_spanish()
    {
        var result = WeeklyHours.Parse("Sat 08:00-12:00, 11:00-13:00");

        Assert.Contains("Sábado", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("08:00-12:00", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_validates_like_parse()
    {
        var ok = WeeklyHours.Create([KeyValuePair.Create(DayOfWeek.Saturday, (IEnumerable<OpeningInterval>)[OpeningInterval.FromHours(8, 12)])]);
        Assert.True(ok.IsSuccess);
        Assert.Equal("Sat 08:00-12:00", ok.Value!.ToString());

        var empty = WeeklyHours.Create([]);
        Assert.Equal("weekly_hours.empty", empty.Error!.Code);

        var subSecond = WeeklyHours.Create(
            [KeyValuePair.Create(DayOfWeek.Monday, (IEnumerable<OpeningInterval>)[new OpeningInterval(TimeSpan.FromHours(8), TimeSpan.FromHours(9).Add(TimeSpan.FromMilliseconds(5)))])]);
        Assert.Equal("weekly_hours.precision", subSecond.Error!.Code);

        var beyondMidnight = WeeklyHours.Create(
            [KeyValuePair.Create(DayOfWeek.Monday, (IEnumerable<OpeningInterval>)[OpeningInterval.FromHours(20, 26)])]);
        Assert.Equal("weekly_hours.interval_invalid", beyondMidnight.Error!.Code);
    }
}

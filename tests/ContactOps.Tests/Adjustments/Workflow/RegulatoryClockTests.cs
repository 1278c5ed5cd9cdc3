using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Calendar;
using Xunit;
using static ContactOps.Tests.Adjustments.Workflow.AdjustmentsKit;

namespace ContactOps.Tests.Adjustments.Workflow;

/// <summary>
/// The regulator's clocks on Colombia's calendar, expected dates counted by hand. Holidays used (checked first against the
/// platform's own list): 2026-12-08 Inmaculada Concepción (Tue), 2026-12-25 Navidad (Fri), 2027-01-01 Año Nuevo (Fri),
/// 2027-01-11 Reyes Magos (Jan 6 moved to Monday).
/// </summary>
public class RegulatoryClockTests
{
    private static readonly BusinessCalendar Co = new(TimeZoneInfo.FindSystemTimeZoneById("America/Bogota"), WeeklyHours.Default, Country.CO);

    private static readonly AdjustmentSettings Defaults = new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void The_platform_lists_the_holidays_these_tests_count_on()
    {
        var dec = HolidayRules.For(Country.CO, 2026).Where(h => h.Date >= D("2026-12-01")).Select(h => h.Date).ToList();
        var jan = HolidayRules.For(Country.CO, 2027).Where(h => h.Date <= D("2027-01-31")).Select(h => h.Date).ToList();
        Assert.Equal([D("2026-12-08"), D("2026-12-25")], dec);
        Assert.Equal([D("2027-01-01"), D("2027-01-11")], jan);
    }

    [Fact]
    public void A_pqr_filed_on_friday_december_4_is_flagged_on_the_21st_and_due_on_the_29th()
    {
        // Business days after Fri Dec 4: 7(1) [8 holiday] 9(2) 10(3) 11(4) 14(5) 15(6) 16(7) 17(8) 18(9) 21(10)
        // 22(11) 23(12) 24(13) [25 holiday] 28(14) 29(15).
        var (flag, due) = RegulatoryClock.PqrDates(Co, D("2026-12-04"), Defaults);
        Assert.Equal(D("2026-12-21"), flag);
        Assert.Equal(D("2026-12-29"), due);
        Assert.Equal(15, Co.BusinessDaysBetween(D("2026-12-04"), due));
    }

    [Fact]
    public void An_answer_notified_just_before_christmas_can_be_appealed_until_january_12()
    {
        // Notified Thu Dec 24: 28(1) 29(2) 30(3) 31(4) [Jan 1 holiday] 4(5) 5(6) 6(7) 7(8) 8(9) [11 holiday] 12(10).
        Assert.Equal(D("2027-01-12"), RegulatoryClock.AppealDeadline(Co, D("2026-12-24"), Defaults));

        // Notified on the Saturday before: the weekend day itself is not counted, Monday is day 1.
        Assert.Equal(D("2026-12-21"), RegulatoryClock.AppealDeadline(Co, D("2026-12-05"), Defaults));
    }

    [Theory]
    [InlineData("2026-12-18", "OnTime")]
    [InlineData("2026-12-21", "Flagged")]
    [InlineData("2026-12-29", "Flagged")]
    [InlineData("2026-12-30", "Overdue")]
    public void The_pqr_clock_is_on_time_then_flagged_from_the_flag_day_then_overdue_after_the_due_day(string today, string expected)
    {
        Assert.Equal(expected, RegulatoryClock.PqrStatus(D("2026-12-21"), D("2026-12-29"), null, D(today)).ToString());
    }

    [Fact]
    public void An_answered_pqr_has_no_running_clock()
    {
        Assert.Equal(ClockStatus.None, RegulatoryClock.PqrStatus(D("2026-12-21"), D("2026-12-29"), D("2026-12-30"), D("2027-02-01")));
        Assert.Equal(ClockStatus.None, RegulatoryClock.PqrStatus(null, null, null, D("2027-02-01")));
    }

    [Fact]
    public void Every_open_state_can_be_closed_by_a_supervisor_only_and_closed_is_final()
    {
        foreach (var state in Enum.GetValues<AdjustmentState>())
        {
            var close = AdjustmentWorkflow.Find(AdjustmentCommand.Close, state, AdjustmentState.Closed);
            if (state == AdjustmentState.Closed)
            {
                Assert.Null(close);
                Assert.DoesNotContain(AdjustmentWorkflow.Transitions, t => t.From == AdjustmentState.Closed);
            }
            else
            {
                Assert.NotNull(close);
                Assert.DoesNotContain(Role.BackOffice, close!.Roles);
                Assert.Contains(Role.Supervisor, close.Roles);
            }
        }

        Assert.DoesNotContain(AdjustmentWorkflow.Transitions, t => t.Roles.Contains(Role.Agent));
        Assert.Equal(
            new HashSet<AdjustmentCommand> { AdjustmentCommand.Verify, AdjustmentCommand.Escalate, AdjustmentCommand.Assign, AdjustmentCommand.Close },
            AdjustmentWorkflow.AllowedFor(AdjustmentState.ToVerify, Role.Supervisor).ToHashSet());
        Assert.Equal(
            new HashSet<AdjustmentCommand> { AdjustmentCommand.Verify, AdjustmentCommand.Escalate, AdjustmentCommand.Assign },
            AdjustmentWorkflow.AllowedFor(AdjustmentState.ToVerify, Role.BackOffice).ToHashSet());
    }
}

using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Calendar;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The calendar side of the contact policy, in one place: is a local instant closed to calls (Sunday, holiday, outside the
/// day's windows), and when does calling open next. Used by <see cref="ContactPolicy"/>, the inventory diagnosis and the
/// dialer's state (<see cref="DialerStatus"/>).
/// </summary>
public static class ContactCalendar
{
    /// <summary>Why calls are closed at this local time (<see cref="PolicyReasons.Sunday"/>, <see cref="PolicyReasons.Holiday"/>, <see cref="PolicyReasons.OutsideHours"/>), or null when open.</summary>
    public static string? ClosedReason(OutboundCampaign campaign, IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows, BusinessCalendar calendar, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(calendar);
        if (local.DayOfWeek == DayOfWeek.Sunday && CampaignSettings.SundaysForbidden(campaign.Country))
        {
            return PolicyReasons.Sunday;
        }

        if (HolidaysClosed(campaign) && calendar.IsHoliday(DateOnly.FromDateTime(local)))
        {
            return PolicyReasons.Holiday;
        }

        var t = TimeOnly.FromDateTime(local);
        return windows.TryGetValue(local.DayOfWeek, out var day) && day.Any(w => w.Contains(t)) ? null : PolicyReasons.OutsideHours;
    }

    /// <summary>
    /// The first instant at or after <paramref name="from"/> when calls are open in <paramref name="zone"/> (the instant itself
    /// when open now), looking <paramref name="days"/> days ahead; null when no window opens in that time.
    /// </summary>
    public static DateTimeOffset? NextOpen(
        OutboundCampaign campaign, IReadOnlyDictionary<DayOfWeek, List<ContactWindow>> windows, BusinessCalendar calendar, TimeZoneInfo zone, DateTimeOffset from, int days = 400)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        if (ClosedReason(campaign, windows, calendar, local) is null)
        {
            return from;
        }

        for (var d = 0; d <= days; d++)
        {
            var date = local.Date.AddDays(d);
            if ((date.DayOfWeek == DayOfWeek.Sunday && CampaignSettings.SundaysForbidden(campaign.Country))
                || (HolidaysClosed(campaign) && calendar.IsHoliday(DateOnly.FromDateTime(date)))
                || !windows.TryGetValue(date.DayOfWeek, out var day))
            {
                continue;
            }

            foreach (var w in day.OrderBy(w => w.Start))
            {
                var start = date.Add(w.Start.ToTimeSpan());
                if (start >= local)
                {
                    return new DateTimeOffset(start, zone.GetUtcOffset(start));
                }
            }
        }

        return null;
    }

    /// <summary>Holidays are closed when the campaign says so (the settings refuse to open them where the law forbids it).</summary>
    private static bool HolidaysClosed(OutboundCampaign campaign) => campaign.NoCallsOnHolidays;
}

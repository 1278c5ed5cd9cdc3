using ContactOps.Platform.Calendar;

namespace ContactOps.Modules.Adjustments;

/// <summary>How a PQR answer clock stands on a given day.</summary>
public enum ClockStatus
{
    None,
    OnTime,

    /// <summary>Reached the flag day (10 business days): chase the PQR area.</summary>
    Flagged,

    /// <summary>Past the due day with no answer: risk of positive administrative silence ("silencio administrativo positivo").</summary>
    Overdue,
}

/// <summary>The regulator's clocks on the client's business calendar (business days = Monday–Friday minus holidays).</summary>
public static class RegulatoryClock
{
    /// <summary>Due and flag dates of a PQR filed on <paramref name="filedOn"/> (client-local date, not counted).</summary>
    public static (DateOnly FlagOn, DateOnly DueOn) PqrDates(BusinessCalendar calendar, DateOnly filedOn, AdjustmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return (calendar.AddBusinessDays(filedOn, settings.PqrFlagBusinessDays), calendar.AddBusinessDays(filedOn, settings.PqrAnswerBusinessDays));
    }

    /// <summary>Last day an appeal may be filed after the answer was notified on <paramref name="notifiedOn"/>.</summary>
    public static DateOnly AppealDeadline(BusinessCalendar calendar, DateOnly notifiedOn, AdjustmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.AddBusinessDays(notifiedOn, settings.AppealBusinessDays);
    }

    /// <summary>Status of an open PQR on <paramref name="today"/>: flagged from the flag day, overdue after the due day.</summary>
    public static ClockStatus PqrStatus(DateOnly? flagOn, DateOnly? dueOn, DateOnly? answeredOn, DateOnly today)
    {
        if (dueOn is null || answeredOn is not null)
        {
            return ClockStatus.None;
        }

        if (today > dueOn)
        {
            return ClockStatus.Overdue;
        }

        return flagOn is not null && today >= flagOn ? ClockStatus.Flagged : ClockStatus.OnTime;
    }
}

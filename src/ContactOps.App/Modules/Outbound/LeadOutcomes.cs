using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The one place where an attempt and its disposition change a lead's dialing state (attempt counters, contacts, recycle
/// delay, final, unusable numbers, the do-not-call list). Used by the dialer engine, the agent desk and call-log imports.
/// The caller saves the context.
/// </summary>
public static class LeadOutcomes
{
    /// <summary>Starts an attempt on a lead's phone: a new <see cref="CallAttempt"/> and the lead's counters.</summary>
    /// <param name="localDay">The lead-local date of <paramref name="at"/> (per-day attempt limit).</param>
    public static CallAttempt StartAttempt(AppDbContext db, Lead lead, string phoneE164, DialMode mode, DateTimeOffset at, DateOnly localDay, AttemptSource source)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lead);
        var attempt = new CallAttempt(lead.ClientId, lead.OperationId, lead.Id, phoneE164, mode, at, source);
        db.CallAttempts.Add(attempt);
        CountAttempt(lead, at, localDay);
        return attempt;
    }

    /// <summary>Counts an attempt on the lead (also for attempts loaded from another dialer's log).</summary>
    public static void CountAttempt(Lead lead, DateTimeOffset at, DateOnly localDay)
    {
        ArgumentNullException.ThrowIfNull(lead);
        lead.Attempts++;
        if (lead.AttemptsDay is null || localDay > lead.AttemptsDay)
        {
            lead.AttemptsToday = 1;
            lead.AttemptsDay = localDay;
        }
        else if (localDay == lead.AttemptsDay)
        {
            lead.AttemptsToday++;
        }

        // An attempt of an earlier day (a call log loaded late) counts in the total but not in today's counter.
        if (lead.LastAttemptAt is null || lead.LastAttemptAt < at)
        {
            lead.LastAttemptAt = at.ToUniversalTime();
        }

        if (lead.FirstAttemptAt is null || lead.FirstAttemptAt > at)
        {
            lead.FirstAttemptAt = at.ToUniversalTime();
        }

        lead.ReservedUntil = null;
    }

    /// <summary>The catalog code the engine applies to an attempt that never reached an agent (machine, no answer, busy, failed).</summary>
    public static string? SystemDispositionCode(CallResult result) => result switch
    {
        CallResult.Machine => "BUZON",
        CallResult.NoAnswer => "NO_CONTESTA",
        CallResult.Busy => "OCUPADO",
        CallResult.Failed => "FALLIDA",
        _ => null,
    };

    /// <summary>
    /// The disposition's effects on the lead's own fields (no database access): last code, final, last contact, recycle
    /// delay. A disposition of an attempt older than the lead's last attempt (a call log loaded late) still makes the lead
    /// final and moves its last contact, but does not replace the last code nor the recycle delay of the newer attempt.
    /// The phone-level effects (unusable number, do-not-call entry) are applied by <see cref="ApplyDispositionAsync"/>,
    /// or in bulk by the call-log import with the same flags.
    /// </summary>
    public static void ApplyToLead(Lead lead, DateTimeOffset attemptStartedAt, DispositionTraits disposition, IReadOnlyDictionary<string, int> recycleMinutes, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(disposition);
        ArgumentNullException.ThrowIfNull(recycleMinutes);
        var latest = lead.LastAttemptAt is null || attemptStartedAt >= lead.LastAttemptAt;
        lead.ReservedUntil = null;
        if (latest)
        {
            lead.LastDispositionCode = disposition.Code;
            var minutes = recycleMinutes.GetValueOrDefault(disposition.Code);
            lead.NextAttemptAt = minutes > 0 ? at.ToUniversalTime().AddMinutes(minutes) : null;
        }

        if (disposition.Final)
        {
            lead.IsFinal = true;
        }

        if (disposition.Contact && (lead.LastContactAt is null || lead.LastContactAt < attemptStartedAt))
        {
            lead.LastContactAt = attemptStartedAt.ToUniversalTime();
        }
    }

    /// <summary>
    /// Records the disposition of an attempt and its consequences on the lead: last code, final, last contact, recycle
    /// delay (the campaign's minutes for the code), unusable number, do-not-call entry.
    /// </summary>
    public static async Task ApplyDispositionAsync(
        AppDbContext db, CallAttempt attempt, Lead? lead, DispositionTraits disposition, OutboundCampaign campaign, DateTimeOffset at,
        Guid? userId, bool defaulted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(disposition);
        ArgumentNullException.ThrowIfNull(campaign);
        attempt.DispositionId = disposition.Id;
        attempt.DispositionCode = disposition.Code;
        attempt.DispositionAt = at.ToUniversalTime();
        attempt.DispositionDefaulted = defaulted;
        if (lead is null)
        {
            return;
        }

        ApplyToLead(lead, attempt.StartedAt, disposition, CampaignSettings.RecycleMinutes(campaign), at);

        if (disposition.NumberUnusable)
        {
            var phones = lead.Phones.Count > 0
                ? lead.Phones
                : await db.LeadPhones.Where(p => p.LeadId == lead.Id).ToListAsync(ct);
            foreach (var phone in phones.Where(p => p.E164 == attempt.PhoneE164))
            {
                phone.IsUnusable = true;
            }
        }

        if (disposition.DoNotCall)
        {
            var listed = await db.DncEntries.AnyAsync(d => d.OperationId == lead.OperationId && d.E164 == attempt.PhoneE164, ct)
                || db.DncEntries.Local.Any(d => d.OperationId == lead.OperationId && d.E164 == attempt.PhoneE164);
            if (!listed)
            {
                db.DncEntries.Add(new DncEntry(lead.ClientId, lead.OperationId, attempt.PhoneE164, "disposition", userId, disposition.Name));
            }
        }
    }

    /// <summary>The pending callbacks the attempt served are done (the caller saves the context).</summary>
    internal static async Task CloseCallbacksAsync(AppDbContext db, CallAttempt attempt, CancellationToken ct)
    {
        foreach (var served in await db.Callbacks.Where(c => c.AttemptId == attempt.Id && c.Status == CallbackStatus.Pending).ToListAsync(ct))
        {
            served.Status = CallbackStatus.Done;
        }
    }

    /// <summary>Closes the attempt's telephony facts when the desk (preview) is their only source.</summary>
    internal static void CompleteAttempt(CallAttempt attempt, DispositionTraits disposition, DateTimeOffset now)
    {
        if (attempt.Result == CallResult.Pending)
        {
            attempt.Result = disposition.Machine ? CallResult.Machine
                : disposition.Failed ? CallResult.Failed
                : disposition.Answered || disposition.Contact ? CallResult.Answered
                : string.Equals(disposition.Code, "OCUPADO", StringComparison.Ordinal) ? CallResult.Busy
                : CallResult.NoAnswer;
            if (attempt.Result == CallResult.Answered)
            {
                attempt.AnsweredAt ??= attempt.ConnectedAt ?? attempt.StartedAt;
            }
        }

        if (attempt.EndedAt is null)
        {
            attempt.EndedAt = now;
            attempt.TalkSeconds = (int)Math.Max(0, (now - (attempt.ConnectedAt ?? attempt.StartedAt)).TotalSeconds);
        }

        attempt.WrapSeconds = (int)Math.Max(0, (now - attempt.EndedAt.Value).TotalSeconds);
    }
}

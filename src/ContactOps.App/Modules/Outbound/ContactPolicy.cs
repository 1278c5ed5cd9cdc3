using System.Globalization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>A phone to check, of a lead when known (lead-level limits apply only then).</summary>
public sealed record PolicyCandidate(Guid? LeadId, string PhoneE164);

/// <summary>
/// The contact policy over the operation's <see cref="OutboundCampaign"/> settings (country preset when there is no row):
/// contact windows in the lead's local time, Sundays and the client's holidays, contacts per day and one channel per ISO
/// week (counting every attempt whose disposition is a contact, of the lead or of the phone, imported ones included), the
/// exclusion registry's current snapshot (calls channel), the operation's do-not-call list, per-lead attempt limits, the
/// recycle delay, final dispositions and unusable numbers. All reasons that apply are returned.
/// The batch form loads lists, leads and contacts in set queries, so the hopper can screen many leads at once.
/// </summary>
public sealed class ContactPolicy(AppDbContext db, AccessScope scope) : IContactPolicy
{
    private static readonly ExclusionChannels[] CallChannels =
        Enumerable.Range(0, 16).Select(i => (ExclusionChannels)i).Where(c => c.HasFlag(ExclusionChannels.Calls)).ToArray();

    public async Task<PolicyDecision> CheckAsync(Guid operationId, string phoneE164, Guid? leadId, DateTimeOffset at, CallOrigin origin, CancellationToken ct)
    {
        var decisions = await CheckManyAsync(operationId, [new PolicyCandidate(leadId, phoneE164)], at, origin, log: true, ct);
        return decisions[0];
    }

    /// <summary>
    /// Decisions for many phones of one operation at one instant, in the order given. With <paramref name="log"/> every refusal
    /// is written to <see cref="PolicyRefusal"/> (the hopper screens candidates with logging off: not handing out a lead is not a refused call).
    /// </summary>
    public async Task<IReadOnlyList<PolicyDecision>> CheckManyAsync(Guid operationId, IReadOnlyList<PolicyCandidate> candidates, DateTimeOffset at, CallOrigin origin, bool log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        at = at.ToUniversalTime();
        if (candidates.Count == 0)
        {
            return [];
        }

        var op = await db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == operationId).Select(o => new { o.Id, o.ClientId }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("Operación desconocida.");
        var campaign = (await CampaignSettings.ReadAsync(db, operationId, ct))!;
        var windows = CampaignSettings.Windows(campaign);
        var calendar = await CalendarAsync(op.ClientId, ct);
        var clientZone = calendar.TimeZone;

        var phones = candidates.Select(c => c.PhoneE164).Distinct(StringComparer.Ordinal).ToList();
        var leadIds = candidates.Where(c => c.LeadId is not null).Select(c => c.LeadId!.Value).Distinct().ToList();

        var leads = leadIds.Count == 0 ? [] : await db.Leads.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.OperationId == operationId && leadIds.Contains(l.Id))
            .Select(l => new LeadState(l.Id, l.TimeZoneId, l.IsExcluded, l.IsFinal, l.Attempts, l.AttemptsToday, l.AttemptsDay, l.NextAttemptAt, l.LastContactAt))
            .ToDictionaryAsync(l => l.Id, ct);
        var leadPhones = leadIds.Count == 0 ? [] : await db.LeadPhones.IgnoreQueryFilters().AsNoTracking()
            .Where(p => leadIds.Contains(p.LeadId))
            .Select(p => new { p.LeadId, p.E164, p.IsUnusable, p.ExclusionReason })
            .ToListAsync(ct);
        var phoneState = leadPhones.GroupBy(p => (p.LeadId, p.E164)).ToDictionary(g => g.Key, g => (Unusable: g.Any(p => p.IsUnusable), Reason: g.Select(p => p.ExclusionReason).FirstOrDefault(r => r is not null)));

        var dnc = (await db.DncEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.OperationId == operationId && phones.Contains(d.E164)).Select(d => d.E164).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var snapshotId = await db.ExclusionSnapshots.AsNoTracking().Where(s => s.Country == campaign.Country && s.IsCurrent)
            .OrderByDescending(s => s.LoadedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var registry = snapshotId is null ? [] : (await db.ExclusionEntries.AsNoTracking()
            .Where(e => e.SnapshotId == snapshotId && phones.Contains(e.E164) && CallChannels.Contains(e.Channels))
            .Select(e => e.E164).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        // Contacts of the ISO week (the widest period any rule looks at), of these leads or these phones.
        var contactCodes = (await OperationCatalog.DispositionTraitsAsync(db, operationId, ct)).Where(t => t.Contact).Select(t => t.Code).ToList();
        var from = at.AddDays(-8);
        var to = at.AddDays(1);
        var contacts = contactCodes.Count == 0 ? [] : await db.CallAttempts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OperationId == operationId && a.StartedAt >= from && a.StartedAt < to && a.DispositionCode != null && contactCodes.Contains(a.DispositionCode)
                && ((a.LeadId != null && leadIds.Contains(a.LeadId.Value)) || phones.Contains(a.PhoneE164)))
            .Select(a => new ContactRow(a.LeadId, a.PhoneE164, a.StartedAt, a.Channel))
            .ToListAsync(ct);

        var decisions = new List<PolicyDecision>(candidates.Count);
        var refusals = new List<PolicyRefusal>();
        foreach (var candidate in candidates)
        {
            var reasons = new List<string>();
            LeadState? lead = candidate.LeadId is { } lid && leads.TryGetValue(lid, out var found) ? found : null;
            var zone = ZoneOf(lead?.TimeZoneId, clientZone);
            var local = TimeZoneInfo.ConvertTime(at, zone);
            var localDate = DateOnly.FromDateTime(local.DateTime);

            // Calendar: Sundays, holidays, then the day's windows.
            if (ContactCalendar.ClosedReason(campaign, windows, calendar, local.DateTime) is { } closed)
            {
                reasons.Add(closed);
            }

            // Lists.
            if (registry.Contains(candidate.PhoneE164))
            {
                reasons.Add(PolicyReasons.ExcludedRegistry);
            }

            if (dnc.Contains(candidate.PhoneE164))
            {
                reasons.Add(PolicyReasons.Dnc);
            }

            // Contacts with the person: of the lead or through this phone.
            var mine = contacts.Where(c => c.PhoneE164 == candidate.PhoneE164 || (candidate.LeadId is not null && c.LeadId == candidate.LeadId)).ToList();
            var contactsToday = mine.Count(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.StartedAt, zone).DateTime) == localDate);
            if (contactsToday == 0 && lead?.LastContactAt is { } lastContact && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(lastContact, zone).DateTime) == localDate && lastContact <= at)
            {
                contactsToday = 1;
            }

            if (contactsToday >= Math.Max(1, campaign.MaxContactsPerDay))
            {
                reasons.Add(PolicyReasons.DailyContactLimit);
            }

            if (campaign.OneChannelPerWeek)
            {
                var week = IsoWeek(localDate);
                if (mine.Any(c => !string.Equals(c.Channel, "voice", StringComparison.OrdinalIgnoreCase)
                    && IsoWeek(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.StartedAt, zone).DateTime)) == week))
                {
                    reasons.Add(PolicyReasons.WeeklyChannel);
                }
            }

            if (lead is not null)
            {
                if (lead.AttemptsDay == localDate && lead.AttemptsToday >= campaign.MaxAttemptsPerDay)
                {
                    reasons.Add(PolicyReasons.DailyAttemptLimit);
                }

                if (lead.Attempts >= campaign.MaxAttemptsTotal)
                {
                    reasons.Add(PolicyReasons.AttemptLimit);
                }

                if (lead.NextAttemptAt is { } next && next > at)
                {
                    reasons.Add(PolicyReasons.RecycleDelay);
                }

                if (lead.IsFinal)
                {
                    reasons.Add(PolicyReasons.FinalDisposition);
                }

                if (phoneState.TryGetValue((lead.Id, candidate.PhoneE164), out var ps))
                {
                    if (ps.Unusable)
                    {
                        reasons.Add(PolicyReasons.NumberUnusable);
                    }
                }

                // Excluded at import (the evidence of that day stands until the lead is re-imported).
                if (lead.IsExcluded && !reasons.Contains(PolicyReasons.Dnc) && !reasons.Contains(PolicyReasons.ExcludedRegistry))
                {
                    var stored = phoneState.TryGetValue((lead.Id, candidate.PhoneE164), out var p2) ? p2.Reason : null;
                    reasons.Add(stored == PolicyReasons.Dnc ? PolicyReasons.Dnc : PolicyReasons.ExcludedRegistry);
                }
            }

            var decision = reasons.Count == 0 ? PolicyDecision.Allow : new PolicyDecision(false, reasons);
            decisions.Add(decision);
            if (log && !decision.Allowed)
            {
                refusals.Add(new PolicyRefusal(op.ClientId, operationId, lead?.Id, candidate.PhoneE164, at, origin, string.Join(',', reasons), scope.UserId));
            }
        }

        if (refusals.Count > 0)
        {
            db.PolicyRefusals.AddRange(refusals);
            await db.SaveChangesAsync(ct);
        }

        return decisions;
    }

    /// <summary>The lead's zone: its own IANA zone when valid, else the client's.</summary>
    public static TimeZoneInfo ZoneOf(string? leadZone, TimeZoneInfo clientZone) =>
        !string.IsNullOrWhiteSpace(leadZone) && TimeZoneInfo.TryFindSystemTimeZoneById(leadZone, out var z) ? z : clientZone;

    public static (int Year, int Week) IsoWeek(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    private async Task<BusinessCalendar> CalendarAsync(Guid clientId, CancellationToken ct)
    {
        // Callers reach the policy through an operation they may see (or as the system), so its client is visible.
        var found = await OperationCatalog.CalendarAsync(db, clientId, ct);
        return found?.Calendar ?? throw new InvalidOperationException("No se encontró el calendario del cliente.");
    }

    private sealed record LeadState(Guid Id, string? TimeZoneId, bool IsExcluded, bool IsFinal, int Attempts, int AttemptsToday, DateOnly? AttemptsDay, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastContactAt);

    private sealed record ContactRow(Guid? LeadId, string PhoneE164, DateTimeOffset StartedAt, string Channel);
}

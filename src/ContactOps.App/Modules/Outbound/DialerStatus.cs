using System.Collections.Concurrent;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>Stable codes of why the dialer is not dialling (API, UI resources <c>DialerReason_&lt;code&gt;</c>).</summary>
public static class DialerIdleReasons
{
    public const string BaseClosed = "base_closed";
    public const string Sunday = PolicyReasons.Sunday;
    public const string Holiday = PolicyReasons.Holiday;
    public const string OutsideHours = PolicyReasons.OutsideHours;
    public const string Preview = "preview";
    public const string Stopped = "stopped";
    public const string NoDialableLead = "no_dialable_lead";
    public const string NoReadyAgent = "no_ready_agent";
}

/// <summary>How many leads are held back by one reason of the inventory diagnosis.</summary>
public sealed record ReasonCount(string Reason, int Count);

/// <summary>
/// The dialer's state for a campaign: dialling, or idle with one reason (<see cref="DialerIdleReasons"/>) and when dialling
/// can next start (null when it waits for a person: start the dialer, an agent ready, a base loaded). With the leads it may
/// dial now (policy, window and hopper) and the inventory still to work, and for <c>no_dialable_lead</c> the diagnosis's top reasons.
/// </summary>
public sealed record DialerState(
    bool Dialling,
    string? Reason,
    DateTimeOffset? NextStartAt,
    IReadOnlyList<ReasonCount> LeadReasons,
    int DialableNow,
    int Inventory,
    string TimeZoneId,
    DateTimeOffset At);

/// <summary>
/// Computes the <see cref="DialerState"/> of a campaign (singleton). The live part (running, agents, calls) is the floor's
/// snapshot of the moment; the lead part comes from the inventory diagnosis (<see cref="DiagnoseInventory"/>, one grouped
/// query) and the contact calendar (<see cref="ContactCalendar"/>), read at most every <see cref="FactsFor"/> per
/// operation, so pages that follow the floor every second do not query the base every second.
/// </summary>
public sealed class DialerStatus(IServiceScopeFactory scopes, IOutboundFloor floor, TimeProvider time)
{
    public static readonly TimeSpan FactsFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, Facts> _facts = new();

    /// <summary>The state now. <paramref name="fresh"/> reads the leads again whatever their age.</summary>
    public async Task<DialerState> StateAsync(Guid operationId, CancellationToken ct, bool fresh = false)
    {
        var now = time.GetUtcNow();
        if (fresh || !_facts.TryGetValue(operationId, out var facts) || now - facts.At >= FactsFor || now < facts.At)
        {
            facts = await ReadFactsAsync(operationId, now, ct);
            _facts[operationId] = facts;
        }

        return Compose(facts, floor.Snapshot(operationId), now);
    }

    /// <summary>The state with a given floor snapshot (a page that just received one), lead facts as cached.</summary>
    public async Task<DialerState> StateAsync(FloorSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = time.GetUtcNow();
        if (!_facts.TryGetValue(snapshot.OperationId, out var facts) || now - facts.At >= FactsFor || now < facts.At)
        {
            facts = await ReadFactsAsync(snapshot.OperationId, now, ct);
            _facts[snapshot.OperationId] = facts;
        }

        return Compose(facts, snapshot, now);
    }

    /// <summary>Drops the cached lead facts (settings saved, base loaded or closed).</summary>
    public void Forget(Guid operationId) => _facts.TryRemove(operationId, out _);

    private static DialerState Compose(Facts f, FloorSnapshot s, DateTimeOffset now)
    {
        var zone = f.Calendar.TimeZone;
        DialerState Idle(string reason, DateTimeOffset? next, IReadOnlyList<ReasonCount>? reasons = null) =>
            new(false, reason, next, reasons ?? [], f.DialableNow, f.Inventory, zone.Id, now);

        if (!f.HasOpenBase)
        {
            return Idle(DialerIdleReasons.BaseClosed, null);
        }

        if (ContactCalendar.ClosedReason(f.Campaign, f.Windows, f.Calendar, TimeZoneInfo.ConvertTime(now, zone).DateTime) is { } closed)
        {
            return Idle(closed, ContactCalendar.NextOpen(f.Campaign, f.Windows, f.Calendar, zone, now));
        }

        if (f.Campaign.DialMode == DialMode.Preview)
        {
            return Idle(DialerIdleReasons.Preview, null);
        }

        if (!s.IsRunning)
        {
            return Idle(DialerIdleReasons.Stopped, null);
        }

        var ringing = s.CallsRinging + s.WaitingAnswered;
        if (f.DialableNow == 0 && ringing == 0)
        {
            var next = f.NextLeadAt is { } at ? ContactCalendar.NextOpen(f.Campaign, f.Windows, f.Calendar, zone, at > now ? at : now) : null;
            return Idle(DialerIdleReasons.NoDialableLead, next, f.TopReasons);
        }

        if (s.Ready + s.InCall + s.WrapUp == 0 && ringing == 0)
        {
            return Idle(DialerIdleReasons.NoReadyAgent, null);
        }

        return new DialerState(true, null, null, [], f.DialableNow, f.Inventory, zone.Id, now);
    }

    private async Task<Facts> ReadFactsAsync(Guid operationId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("dialer-status");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clientId = await db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == operationId).Select(o => o.ClientId).FirstAsync(ct);
        var campaign = (await CampaignSettings.ReadAsync(db, operationId, ct))!;
        var windows = CampaignSettings.Windows(campaign);
        var calendar = (await OperationCatalog.CalendarAsync(db, clientId, ct))!.Value.Calendar;
        var openBases = db.LeadBases.Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open).Select(b => b.Id);
        var hasOpenBase = await openBases.AnyAsync(ct);

        var diagnosis = await scope.ServiceProvider.GetRequiredService<DiagnoseInventory>().DiagnoseAsync(operationId, clientId, now, ct);
        var active = (await db.Segments.AsNoTracking().Where(s => s.OperationId == operationId && s.IsActive).Select(s => s.Id).ToListAsync(ct)).ToHashSet();

        // The hopper draws from the active segments (all open leads when there is none): the rest is not dialled.
        var pools = active.Count == 0 ? diagnosis.Rows : diagnosis.Rows.Where(r => r.SegmentId is { } id && active.Contains(id)).ToList();
        var dialable = pools.Sum(r => r.Dialable);
        var t = diagnosis.Total;
        var inventory = t.Total - t.FinalDisposition - t.Excluded - t.AttemptsExhausted;
        var reasons = new List<ReasonCount>
        {
            new(PolicyReasons.OutsideHours, t.OutsideHours),
            new(PolicyReasons.RecycleDelay, t.RecycleDelay),
            new(PolicyReasons.CallbackScheduled, t.CallbackScheduled),
            new("attempts_exhausted", t.AttemptsExhausted),
            new("excluded", t.Excluded),
            new(PolicyReasons.FinalDisposition, t.FinalDisposition),
            new("reserved", t.Reserved),
            new("unsegmented", t.Dialable - dialable),
        };
        var top = reasons.Where(r => r.Count > 0).OrderByDescending(r => r.Count).Take(3).ToList();

        // When may a lead come back: the earliest recycle delay or callback ahead, or tomorrow for today's exhausted attempts.
        var maxTotal = campaign.MaxAttemptsTotal;
        var maxDay = campaign.MaxAttemptsPerDay;
        var workable = db.Leads.AsNoTracking().Where(l => l.OperationId == operationId && openBases.Contains(l.BaseId) && !l.IsFinal && !l.IsExcluded && l.Attempts < maxTotal);
        var candidates = new List<DateTimeOffset>();
        if (dialable == 0 && hasOpenBase)
        {
            var recycle = await workable.Where(l => l.NextAttemptAt != null && l.NextAttemptAt > now).OrderBy(l => l.NextAttemptAt).Select(l => l.NextAttemptAt).FirstOrDefaultAsync(ct);
            if (recycle is { } r)
            {
                candidates.Add(r);
            }

            var callback = await db.Callbacks.AsNoTracking().Where(c => c.OperationId == operationId && c.Status == CallbackStatus.Pending && c.DueAt > now && workable.Any(l => l.Id == c.LeadId))
                .OrderBy(c => c.DueAt).Select(c => (DateTimeOffset?)c.DueAt).FirstOrDefaultAsync(ct);
            if (callback is { } cb)
            {
                candidates.Add(cb);
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
            if (await workable.AnyAsync(l => l.AttemptsDay == today && l.AttemptsToday >= maxDay, ct))
            {
                candidates.Add(CampaignRun.LocalDayStart(now, calendar.TimeZone).AddDays(1));
            }

            var reserved = await workable.Where(l => l.ReservedUntil != null && l.ReservedUntil > now).OrderBy(l => l.ReservedUntil).Select(l => l.ReservedUntil).FirstOrDefaultAsync(ct);
            if (reserved is { } rs)
            {
                candidates.Add(rs);
            }
        }

        return new Facts(now, campaign, windows, calendar, hasOpenBase, dialable, inventory, top, candidates.Count == 0 ? null : candidates.Min());
    }

    private sealed record Facts(
        DateTimeOffset At,
        OutboundCampaign Campaign,
        Dictionary<DayOfWeek, List<ContactWindow>> Windows,
        BusinessCalendar Calendar,
        bool HasOpenBase,
        int DialableNow,
        int Inventory,
        IReadOnlyList<ReasonCount> TopReasons,
        DateTimeOffset? NextLeadAt);
}

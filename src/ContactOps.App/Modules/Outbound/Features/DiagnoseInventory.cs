using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Why the leads of one segment are (not) dialable now. Each lead is counted once, under its first blocking reason in this order.</summary>
public sealed record InventoryRow(
    Guid? SegmentId,
    string Segment,
    int Total,
    int Dialable,
    int FinalDisposition,
    int Excluded,
    int AttemptsExhausted,
    int CallbackScheduled,
    int RecycleDelay,
    int OutsideHours,
    int Reserved = 0);

/// <summary>The dialable-inventory diagnosis ("¿Por qué no está marcando?"), per segment and for leads of no segment.</summary>
public sealed record InventoryDiagnosis(DateTimeOffset At, bool WindowOpen, string? WindowReason, IReadOnlyList<InventoryRow> Rows, InventoryRow Total);

/// <summary>
/// GET /outbound/diagnosis: for the leads of the operation's open bases, how many the dialer could call now and why the rest
/// cannot — final disposition, excluded (at import, or any usable phone now in the DNC list / exclusion registry), attempts
/// exhausted (total, or today's), a callback scheduled in the future, recycle delay pending, on a live call (reserved),
/// outside contact hours (Sunday, holiday or outside the windows in the lead's local time). Counted with grouped queries in the database.
/// </summary>
public sealed class DiagnoseInventory(AppDbContext db, AccessScope scope, TimeProvider time)
{
    private static readonly ExclusionChannels[] CallChannels =
        Enumerable.Range(0, 16).Select(i => (ExclusionChannels)i).Where(c => c.HasFlag(ExclusionChannels.Calls)).ToArray();

    public async Task<Result<InventoryDiagnosis>> HandleAsync(string? operation, DateTimeOffset? at, CancellationToken ct)
    {
        var op = await PolicyOperations.FindAsync(db, scope, operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        return await DiagnoseAsync(op.Value!.Id, op.Value.ClientId, (at ?? time.GetUtcNow()).ToUniversalTime(), ct);
    }

    /// <summary>The diagnosis of an operation the caller was already allowed to see (or the system: the dialer's state).</summary>
    public async Task<InventoryDiagnosis> DiagnoseAsync(Guid opId, Guid clientId, DateTimeOffset now, CancellationToken ct)
    {
        var campaign = (await CampaignSettings.ReadAsync(db, opId, ct))!;
        var windows = CampaignSettings.Windows(campaign);
        var calendar = (await OperationCatalog.CalendarAsync(db, clientId, ct))!.Value.Calendar;
        var clientToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var maxTotal = campaign.MaxAttemptsTotal;
        var maxDay = campaign.MaxAttemptsPerDay;

        var snapshotId = await db.ExclusionSnapshots.AsNoTracking().Where(s => s.Country == campaign.Country && s.IsCurrent)
            .OrderByDescending(s => s.LoadedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
        var channels = CallChannels;

        var openBases = db.LeadBases.Where(b => b.OperationId == opId && b.Status == LeadBaseStatus.Open).Select(b => b.Id);
        var grouped = await db.Leads.AsNoTracking()
            .Where(l => l.OperationId == opId && openBases.Contains(l.BaseId))
            .Select(l => new
            {
                l.SegmentId,
                l.TimeZoneId,
                Reason = l.IsFinal ? 1
                    : l.IsExcluded || !db.LeadPhones.Any(p => p.LeadId == l.Id && !p.IsUnusable
                        && !db.DncEntries.Any(d => d.OperationId == opId && d.E164 == p.E164)
                        && !db.ExclusionEntries.Any(e => e.SnapshotId == snapshotId && e.E164 == p.E164 && channels.Contains(e.Channels))) ? 2
                    : l.Attempts >= maxTotal || (l.AttemptsDay == clientToday && l.AttemptsToday >= maxDay) ? 3
                    : db.Callbacks.Any(c => c.LeadId == l.Id && c.Status == CallbackStatus.Pending && c.DueAt > now) ? 4
                    : l.NextAttemptAt != null && l.NextAttemptAt > now ? 5
                    : l.ReservedUntil != null && l.ReservedUntil > now ? 6
                    : 0,
            })
            .GroupBy(x => new { x.SegmentId, x.TimeZoneId, x.Reason })
            .Select(g => new { g.Key.SegmentId, g.Key.TimeZoneId, g.Key.Reason, Count = g.Count() })
            .ToListAsync(ct);

        // The window, per lead zone (most leads use the client's).
        var windowByZone = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? WindowReason(string? zoneId)
        {
            var key = zoneId ?? "";
            if (windowByZone.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var zone = ContactPolicy.ZoneOf(zoneId, calendar.TimeZone);
            var reason = ContactCalendar.ClosedReason(campaign, windows, calendar, TimeZoneInfo.ConvertTime(now, zone).DateTime);
            windowByZone[key] = reason;
            return reason;
        }

        var names = await db.Segments.AsNoTracking().Where(s => s.OperationId == opId)
            .OrderBy(s => s.Priority).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var rows = new List<InventoryRow>();
        var order = names.Select(n => ((Guid?)n.Id, n.Name)).Append(((Guid?)null, "Sin segmento")).ToList();
        foreach (var (id, name) in order)
        {
            var mine = grouped.Where(g => g.SegmentId == id).ToList();
            if (id is null && mine.Count == 0)
            {
                continue;
            }

            int Count(int reason) => mine.Where(g => g.Reason == reason).Sum(g => g.Count);
            var open = mine.Where(g => g.Reason == 0 && WindowReason(g.TimeZoneId) is null).Sum(g => g.Count);
            var closed = mine.Where(g => g.Reason == 0 && WindowReason(g.TimeZoneId) is not null).Sum(g => g.Count);
            rows.Add(new InventoryRow(id, name, mine.Sum(g => g.Count), open, Count(1), Count(2), Count(3), Count(4), Count(5), closed, Count(6)));
        }

        var total = new InventoryRow(null, "Total", rows.Sum(r => r.Total), rows.Sum(r => r.Dialable), rows.Sum(r => r.FinalDisposition), rows.Sum(r => r.Excluded),
            rows.Sum(r => r.AttemptsExhausted), rows.Sum(r => r.CallbackScheduled), rows.Sum(r => r.RecycleDelay), rows.Sum(r => r.OutsideHours), rows.Sum(r => r.Reserved));
        var clientWindow = WindowReason(null);
        return new InventoryDiagnosis(now, clientWindow is null, clientWindow, rows, total);
    }
}

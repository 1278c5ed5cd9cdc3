using System.Collections.Concurrent;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The hopper (<see cref="IDialerLeadSource"/>): due callbacks first (the agent's own, then anyone's), then leads of the
/// active segments in priority order, interleaved so that each segment's share of the taken leads follows its mix percent
/// (the shares are kept per operation across calls, so one-at-a-time takers get the mix too). Only leads and phones the
/// contact policy allows now are handed out: candidates are pre-filtered in SQL (not final, not excluded, attempts left,
/// no recycle delay, no pending callback — those come back only through the callback path —, not reserved) and then screened with the policy's batch check. A taken lead is
/// reserved for two minutes with a conditional UPDATE (… WHERE ReservedUntil IS NULL OR ReservedUntil &lt; now), atomic on
/// PostgreSQL and SQLite, so two takers never get the same lead.
/// </summary>
public sealed class Hopper(IServiceScopeFactory scopes, TimeProvider time) : IDialerLeadSource
{
    public static readonly TimeSpan Reservation = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, MixState> _mix = new();

    public async Task<IReadOnlyList<DialerLead>> TakeAsync(Guid operationId, int count, Guid? forAgentUserId, CancellationToken ct)
    {
        if (count <= 0)
        {
            return [];
        }

        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("hopper");
        var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
        var policy = services.ServiceProvider.GetRequiredService<ContactPolicy>();
        var now = time.GetUtcNow();
        var campaign = await CampaignSettings.ReadAsync(db, operationId, ct);
        if (campaign is null)
        {
            return [];
        }

        var taken = new List<DialerLead>();
        var openBases = db.LeadBases.Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open).Select(b => b.Id);

        // 1. Due callbacks: the agent's own first, then anyone's (an engine without an agent only takes anyone's).
        var due = await db.Callbacks.AsNoTracking()
            .Where(c => c.OperationId == operationId && c.Status == CallbackStatus.Pending && c.DueAt <= now
                && (c.AssignedUserId == null || (forAgentUserId != null && c.AssignedUserId == forAgentUserId)))
            .OrderBy(c => c.AssignedUserId == null ? 1 : 0).ThenBy(c => c.DueAt)
            .Select(c => new { c.Id, c.LeadId, c.AssignedUserId })
            .Take(count * 4 + 10)
            .ToListAsync(ct);
        if (due.Count > 0)
        {
            var callbackLeads = due.Select(c => c.LeadId).Distinct().ToList();
            var usable = await UsableLeadsAsync(db, policy, operationId, callbackLeads, now, ct);
            foreach (var cb in due)
            {
                if (taken.Count >= count || taken.Any(t => t.LeadId == cb.LeadId) || !usable.TryGetValue(cb.LeadId, out var phone))
                {
                    continue;
                }

                if (await ReserveAsync(db, cb.LeadId, now, ct))
                {
                    taken.Add(new DialerLead(cb.LeadId, operationId, phone, null, cb.Id, cb.AssignedUserId));
                }
            }
        }

        if (taken.Count >= count)
        {
            return taken;
        }

        // 2. Segments in priority order; no active segment → the whole open inventory as one pool.
        var segments = await db.Segments.AsNoTracking().Where(s => s.OperationId == operationId && s.IsActive)
            .OrderBy(s => s.Priority).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name, s.MixPercent }).ToListAsync(ct);
        var pools = segments.Count == 0
            ? [new Pool(null, null, 1m)]
            : segments.Select(s => new Pool(s.Id, s.Name, s.MixPercent)).ToList();
        if (pools.Sum(p => p.Share) <= 0)
        {
            pools = pools.Select(p => p with { Share = 1m }).ToList();
        }

        var maxTotal = campaign.MaxAttemptsTotal;
        var wanted = count - taken.Count;
        var candidates = new Dictionary<Guid, Queue<(Guid LeadId, string Phone)>>();
        foreach (var pool in pools)
        {
            var segmentId = pool.SegmentId;
            var filterBySegment = segments.Count > 0;
            var batch = Math.Max(wanted * 3, 20);
            var queue = new Queue<(Guid, string)>();
            var skip = 0;
            for (var round = 0; round < 5 && queue.Count < wanted; round++)
            {
                var ids = await db.Leads.AsNoTracking()
                    .Where(l => l.OperationId == operationId && openBases.Contains(l.BaseId)
                        && (!filterBySegment || l.SegmentId == segmentId)
                        && !l.IsFinal && !l.IsExcluded && l.Attempts < maxTotal
                        && (l.NextAttemptAt == null || l.NextAttemptAt <= now)
                        && (l.ReservedUntil == null || l.ReservedUntil < now)
                        && !db.Callbacks.Any(c => c.LeadId == l.Id && c.Status == CallbackStatus.Pending))
                    .OrderBy(l => l.Attempts).ThenBy(l => l.LastAttemptAt).ThenBy(l => l.SourceLine).ThenBy(l => l.Id)
                    .Skip(skip).Take(batch)
                    .Select(l => l.Id)
                    .ToListAsync(ct);
                if (ids.Count == 0)
                {
                    break;
                }

                skip += ids.Count;
                var usable = await UsableLeadsAsync(db, policy, operationId, ids, now, ct);
                foreach (var id in ids)
                {
                    if (usable.TryGetValue(id, out var phone) && !taken.Any(t => t.LeadId == id))
                    {
                        queue.Enqueue((id, phone));
                    }
                }

                if (ids.Count < batch)
                {
                    break;
                }
            }

            candidates[pool.SegmentId ?? Guid.Empty] = queue;
        }

        var state = _mix.GetOrAdd(operationId, _ => new MixState());
        while (taken.Count < count)
        {
            Pool? next;
            lock (state)
            {
                next = state.Next(pools.Where(p => candidates[p.SegmentId ?? Guid.Empty].Count > 0).ToList());
            }

            if (next is null)
            {
                break;
            }

            var (leadId, phone) = candidates[next.SegmentId ?? Guid.Empty].Dequeue();
            if (await ReserveAsync(db, leadId, now, ct))
            {
                lock (state)
                {
                    state.Count(next.SegmentId);
                }

                taken.Add(new DialerLead(leadId, operationId, phone, next.Name, null, null));
            }
        }

        return taken;
    }

    public async Task ReleaseAsync(Guid operationId, Guid leadId, CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("hopper");
        var db = services.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Leads.Where(l => l.Id == leadId && l.OperationId == operationId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ReservedUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>Lead → its first phone (by position) that is usable and that the policy allows now; leads with none are left out.</summary>
    private static async Task<Dictionary<Guid, string>> UsableLeadsAsync(AppDbContext db, ContactPolicy policy, Guid operationId, IReadOnlyList<Guid> leadIds, DateTimeOffset now, CancellationToken ct)
    {
        var phones = await db.LeadPhones.AsNoTracking()
            .Where(p => leadIds.Contains(p.LeadId) && !p.IsUnusable && p.ExclusionReason == null)
            .OrderBy(p => p.LeadId).ThenBy(p => p.Position)
            .Select(p => new { p.LeadId, p.E164 })
            .ToListAsync(ct);
        var candidates = phones.Select(p => new PolicyCandidate(p.LeadId, p.E164)).ToList();
        var decisions = await policy.CheckManyAsync(operationId, candidates, now, CallOrigin.Dialer, log: false, ct);
        var result = new Dictionary<Guid, string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (decisions[i].Allowed && !result.ContainsKey(candidates[i].LeadId!.Value))
            {
                result[candidates[i].LeadId!.Value] = candidates[i].PhoneE164;
            }
        }

        return result;
    }

    private static async Task<bool> ReserveAsync(AppDbContext db, Guid leadId, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Reservation;
        var rows = await db.Leads
            .Where(l => l.Id == leadId && (l.ReservedUntil == null || l.ReservedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ReservedUntil, (DateTimeOffset?)until), ct);
        return rows == 1;
    }

    private sealed record Pool(Guid? SegmentId, string? Name, decimal Share);

    /// <summary>Taken leads per segment since the start (per operation); the next segment is the one furthest below its share.</summary>
    private sealed class MixState
    {
        private readonly Dictionary<Guid, long> _taken = [];
        private long _total;

        public Pool? Next(IReadOnlyList<Pool> available)
        {
            if (available.Count == 0)
            {
                return null;
            }

            var shares = available.Sum(p => p.Share);
            Pool? best = null;
            var bestDeficit = decimal.MinValue;
            foreach (var p in available)
            {
                var taken = p.SegmentId is { } id && _taken.TryGetValue(id, out var t) ? t : 0;
                var deficit = (p.Share / shares * (_total + 1)) - taken;
                if (deficit > bestDeficit)
                {
                    best = p;
                    bestDeficit = deficit;
                }
            }

            return best;
        }

        public void Count(Guid? segmentId)
        {
            _total++;
            if (segmentId is { } id)
            {
                _taken[id] = _taken.TryGetValue(id, out var t) ? t + 1 : 1;
            }
        }
    }
}

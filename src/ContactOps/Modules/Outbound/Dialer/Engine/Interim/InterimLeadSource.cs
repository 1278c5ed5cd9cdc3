using ContactOps.Modules.Outbound.Leads;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Dialer.Engine.Interim;

/// <summary>
/// Interim hopper until the real one (Outbound/Hopper) is merged: non-final, non-excluded, unreserved leads of open bases
/// whose recycle delay is due, first usable phone, no contact-policy check. Deleted at merge.
/// </summary>
internal sealed class InterimLeadSource(AppDbContext db, TimeProvider clock) : IDialerLeadSource
{
    public async Task<IReadOnlyList<DialerLead>> TakeAsync(Guid operationId, int count, Guid? forAgentUserId, CancellationToken ct)
    {
        if (count <= 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var openBases = db.LeadBases.Where(b => b.OperationId == operationId && b.Status == LeadBaseStatus.Open).Select(b => b.Id);
        var leads = await db.Leads
            .Where(l => l.OperationId == operationId && openBases.Contains(l.BaseId) && !l.IsFinal && !l.IsExcluded
                && (l.ReservedUntil == null || l.ReservedUntil < now) && (l.NextAttemptAt == null || l.NextAttemptAt <= now))
            .Include(l => l.Phones)
            .OrderBy(l => l.SourceLine)
            .Take(count * 2)
            .ToListAsync(ct);
        var taken = new List<DialerLead>();
        foreach (var lead in leads)
        {
            var phone = lead.Phones.OrderBy(p => p.Position).FirstOrDefault(p => !p.IsUnusable && p.ExclusionReason == null);
            if (phone is null)
            {
                continue;
            }

            lead.ReservedUntil = now.AddMinutes(5);
            taken.Add(new DialerLead(lead.Id, operationId, phone.E164, null, null, null));
            if (taken.Count == count)
            {
                break;
            }
        }

        await db.SaveChangesAsync(ct);
        return taken;
    }

    public async Task ReleaseAsync(Guid operationId, Guid leadId, CancellationToken ct) =>
        await db.Leads.Where(l => l.OperationId == operationId && l.Id == leadId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ReservedUntil, (DateTimeOffset?)null), ct);
}

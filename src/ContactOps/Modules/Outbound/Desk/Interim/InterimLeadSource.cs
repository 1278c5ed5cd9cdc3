using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Policy;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Desk.Interim;

/// <summary>
/// INTERIM (deleted at merge; the policy branch implements the hopper): due callbacks first (the agent's, then anyone's),
/// then callable leads in file order, each checked against the contact policy, reserved for 10 minutes.
/// </summary>
internal sealed class InterimLeadSource(IServiceScopeFactory scopes, TimeProvider time) : IDialerLeadSource
{
    public async Task<IReadOnlyList<DialerLead>> TakeAsync(Guid operationId, int count, Guid? forAgentUserId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("hopper");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policy = scope.ServiceProvider.GetRequiredService<IContactPolicy>();
        var now = time.GetUtcNow();
        var taken = new List<DialerLead>();
        var callbacks = await db.Callbacks.Where(c => c.OperationId == operationId && c.Status == CallbackStatus.Pending && c.DueAt <= now
                && c.AttemptId == null && (c.AssignedUserId == null || c.AssignedUserId == forAgentUserId))
            .OrderBy(c => c.AssignedUserId == null).ThenBy(c => c.DueAt).Take(count * 4).ToListAsync(ct);
        foreach (var callback in callbacks)
        {
            var lead = await db.Leads.Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == callback.LeadId && !l.IsFinal, ct);
            var phone = lead?.Phones.Where(p => !p.IsUnusable && p.ExclusionReason == null).OrderBy(p => p.Position).FirstOrDefault();
            if (lead is null || phone is null || taken.Count >= count || (lead.ReservedUntil is { } r && r > now))
            {
                continue;
            }

            var decision = await policy.CheckAsync(operationId, phone.E164, lead.Id, now, CallOrigin.Dialer, ct);
            if (decision.Reasons.All(x => x is PolicyReasons.RecycleDelay or PolicyReasons.CallbackScheduled))
            {
                lead.ReservedUntil = now.AddMinutes(10);
                taken.Add(new DialerLead(lead.Id, operationId, phone.E164, null, callback.Id, callback.AssignedUserId));
            }
        }

        var pendingCallbackLeads = db.Callbacks.Where(c => c.OperationId == operationId && c.Status == CallbackStatus.Pending).Select(c => c.LeadId);
        var candidates = await db.Leads.Include(l => l.Phones)
            .Where(l => l.OperationId == operationId && !l.IsFinal && !l.IsExcluded
                && (l.ReservedUntil == null || l.ReservedUntil < now) && (l.NextAttemptAt == null || l.NextAttemptAt <= now)
                && !pendingCallbackLeads.Contains(l.Id))
            .OrderBy(l => l.Attempts).ThenBy(l => l.SourceLine).Take(count * 10 + 10).ToListAsync(ct);
        foreach (var lead in candidates)
        {
            if (taken.Count >= count)
            {
                break;
            }

            foreach (var phone in lead.Phones.Where(p => !p.IsUnusable && p.ExclusionReason == null).OrderBy(p => p.Position))
            {
                if ((await policy.CheckAsync(operationId, phone.E164, lead.Id, now, CallOrigin.Dialer, ct)).Allowed)
                {
                    lead.ReservedUntil = now.AddMinutes(10);
                    taken.Add(new DialerLead(lead.Id, operationId, phone.E164, null, null, null));
                    break;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return taken;
    }

    public async Task ReleaseAsync(Guid operationId, Guid leadId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("hopper");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId && l.OperationId == operationId, ct);
        if (lead is not null)
        {
            lead.ReservedUntil = null;
            await db.SaveChangesAsync(ct);
        }
    }
}

using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Preview: the agent dials this phone of the taken lead from their own phone (tel: link) and marks the call started.</summary>
public sealed record StartCallRequest(Guid LeadId, string? Phone);

/// <summary>Preview: the agent dialled (tel: link); the policy is checked for a manual call and the attempt starts.</summary>
public sealed class StartDeskCall(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IContactPolicy policy, AgentDesk desk, TimeProvider time)
{
    public async Task<Result<DeskView>> HandleAsync(string? operation, StartCallRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.AgentRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var user = scope.UserId!.Value;
        var session = presence.Get(unit.Operation.Id, user);
        if (session is null)
        {
            return DeskUnits.NotJoined;
        }

        if (await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct) is not null)
        {
            return DeskUnits.DispositionRequired;
        }

        if (session.PreviewLead is not { } taken || taken.LeadId != request.LeadId)
        {
            return Error.Conflict("desk.lead_not_taken");
        }

        var lead = await db.Leads.Include(l => l.Phones).FirstOrDefaultAsync(l => l.Id == request.LeadId && l.OperationId == unit.Operation.Id, ct);
        if (lead is null)
        {
            return Error.NotFound("lead.not_found");
        }

        var phone = string.IsNullOrWhiteSpace(request.Phone) ? taken.PhoneE164 : request.Phone.Trim();
        var leadPhone = lead.Phones.FirstOrDefault(p => p.E164 == phone);
        if (leadPhone is null)
        {
            return Error.Invalid("phone", "desk.phone");
        }

        if (leadPhone.IsUnusable)
        {
            return Error.Invalid("phone", "desk.phone_unusable");
        }

        var now = time.GetUtcNow();
        var decision = await policy.CheckAsync(unit.Operation.Id, phone, lead.Id, now, CallOrigin.Manual, ct);
        if (!decision.Allowed)
        {
            return Error.Conflict("desk.policy_refused", DeskSettings.Describe(decision.Reasons));
        }

        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, unit.Zone(lead)).DateTime);
        var attempt = LeadOutcomes.StartAttempt(db, lead, phone, DialMode.Preview, now, localDay, AttemptSource.ContactOps);
        attempt.AgentUserId = user;
        attempt.AgentLogin = session.Login;
        attempt.ConnectedAt = now;
        if (taken.CallbackId is { } callbackId)
        {
            var callback = await db.Callbacks.FirstOrDefaultAsync(c => c.Id == callbackId && c.OperationId == unit.Operation.Id, ct);
            if (callback is not null)
            {
                callback.AttemptId = attempt.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        var call = new ConnectedCall(unit.Operation.Id, user, attempt.Id, lead.Id, phone, now);
        presence.Move(unit.Operation.Id, user, AgentFloorState.InCall, null, s => s with { Call = call, PreviewLead = null });
        return await desk.ViewAsync(db, unit, ct);
    }
}

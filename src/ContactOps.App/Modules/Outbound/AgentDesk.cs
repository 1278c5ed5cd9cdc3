using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// What the agent's outbound desk shows on one campaign (state, the call and its lead, the catalog, the callbacks), as
/// every desk use case answers it: <see cref="Features.GetDesk"/>, <see cref="Features.JoinCampaign"/>,
/// <see cref="Features.ChangeAgentState"/>, <see cref="Features.TakeNextLead"/>, <see cref="Features.StartDeskCall"/>,
/// <see cref="Features.EndDeskCall"/>, <see cref="Features.RecordDisposition"/>.
/// </summary>
public sealed class AgentDesk(AccessScope scope, AgentPresence presence, DialerStatus status, TimeProvider time, IStringLocalizer<OutboundText> text)
{
    /// <summary>The desk as the agent sees it now on the campaign of <paramref name="unit"/>.</summary>
    public async Task<DeskView> ViewAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
    {
        var user = scope.UserId!.Value;
        var session = presence.Get(unit.Operation.Id, user);
        var catalog = await DeskUnits.CatalogAsync(db, unit.Operation.Id, ct);
        var attempt = await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct);
        PendingAttemptView? pending = null;
        LeadCard? lead = null;
        if (attempt is not null)
        {
            var defaultAt = unit.Campaign.WrapUpDefaultDispositionCode is not null && attempt.EndedAt is { } ended
                ? ended.AddSeconds(unit.Campaign.WrapUpLimitSeconds) : (DateTimeOffset?)null;
            pending = new PendingAttemptView(attempt.Id, attempt.LeadId, attempt.PhoneE164, attempt.Mode, attempt.StartedAt, attempt.EndedAt, defaultAt);
            if (attempt.LeadId is { } leadId)
            {
                var callbackId = await db.Callbacks.Where(c => c.AttemptId == attempt.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
                lead = await DeskUnits.LeadCardAsync(db, unit, leadId, scope.UserName, attempt.PhoneE164, callbackId, text, ct);
            }
        }
        else if (session?.PreviewLead is { } preview)
        {
            lead = await DeskUnits.LeadCardAsync(db, unit, preview.LeadId, scope.UserName, preview.PhoneE164, preview.CallbackId, text, ct);
        }

        var callbacks = await CallbacksAsync(db, unit, ct);
        return new DeskView(
            unit.Operation.Code, unit.Operation.Name, unit.Client.TimeZoneId, unit.Campaign.DialMode, unit.Campaign.IsRunning,
            session?.State ?? AgentFloorState.LoggedOut, session?.ReasonCode, session?.Since,
            DeskSettings.PauseReasons(unit.Campaign), catalog.Select(DispositionOption.From).ToList(),
            unit.Campaign.WrapUpLimitSeconds, unit.Campaign.WrapUpDefaultDispositionCode, pending, lead, callbacks)
        {
            Dialer = await status.StateAsync(unit.Operation.Id, ct),
        };
    }

    /// <summary>The agent's pending callbacks (their own and those for anyone), soonest first.</summary>
    public async Task<IReadOnlyList<CallbackView>> CallbacksAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
    {
        var user = scope.UserId;
        var now = time.GetUtcNow();
        var rows = await db.Callbacks.AsNoTracking()
            .Where(c => c.OperationId == unit.Operation.Id && c.Status == CallbackStatus.Pending && (c.AssignedUserId == null || c.AssignedUserId == user))
            .OrderBy(c => c.DueAt).Take(50)
            .Join(db.Leads, c => c.LeadId, l => l.Id, (c, l) => new { c.Id, c.LeadId, l.FullName, c.DueAt, c.AssignedUserId, c.Note })
            .ToListAsync(ct);
        return rows.Select(r => new CallbackView(r.Id, r.LeadId, r.FullName, r.DueAt, r.AssignedUserId == user, r.Note, r.DueAt <= now)).ToList();
    }
}

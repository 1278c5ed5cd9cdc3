using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The agent's outbound desk: join a campaign, go ready, pause with a reason, log out, and the current view (state,
/// the call and its lead, the catalog, the callbacks). Calls and dispositions: <see cref="DeskCalls"/>, <see cref="RecordDisposition"/>.
/// Every change of state is logged (<see cref="AgentStateChange"/>) and told to the dialer through <see cref="AgentPresence"/>.
/// </summary>
public sealed class OutboundDesk(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IDialerLeadSource hopper, TimeProvider time)
{
    public async Task<Result<DeskView>> GetAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.AgentRoles, ct);
        return unit.IsSuccess ? await ViewAsync(db, unit.Value!, ct) : unit.Error!;
    }

    /// <summary>Joins the campaign: on the floor, not ready yet (or in wrap-up when a disposition is pending).</summary>
    public async Task<Result<DeskView>> JoinAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.AgentRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        var user = scope.UserId!.Value;
        if (presence.Get(unit.Operation.Id, user) is null)
        {
            var login = await db.Users.Where(u => u.Id == user).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? scope.UserName;
            var now = time.GetUtcNow();
            var pending = await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct);
            var session = presence.Set(new AgentSession(
                unit.Operation.Id, unit.Client.Id, user, login, scope.UserName,
                pending is null ? AgentFloorState.Paused : AgentFloorState.WrapUp, null, now, now));
            DeskUnits.Log(db, unit, session);
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(db, unit, ct);
    }

    /// <summary>Ready for the next call; refused while an attempt lacks its disposition.</summary>
    public async Task<Result<DeskView>> ReadyAsync(string? operation, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.Ready, null, ct);

    /// <summary>Pauses with one of the campaign's pause reasons.</summary>
    public async Task<Result<DeskView>> PauseAsync(string? operation, string? reasonCode, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.Paused, reasonCode, ct);

    /// <summary>Leaves the campaign; refused in a call or while a disposition is pending.</summary>
    public async Task<Result<DeskView>> LogoutAsync(string? operation, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.LoggedOut, null, ct);

    internal async Task<DeskView> ViewAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
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
                lead = await DeskUnits.LeadCardAsync(db, unit, leadId, scope.UserName, attempt.PhoneE164, callbackId, ct);
            }
        }
        else if (session?.PreviewLead is { } preview)
        {
            lead = await DeskUnits.LeadCardAsync(db, unit, preview.LeadId, scope.UserName, preview.PhoneE164, preview.CallbackId, ct);
        }

        var callbacks = await CallbacksAsync(db, unit, ct);
        return new DeskView(
            unit.Operation.Code, unit.Operation.Name, unit.Client.TimeZoneId, unit.Campaign.DialMode, unit.Campaign.IsRunning,
            session?.State ?? AgentFloorState.LoggedOut, session?.ReasonCode, session?.Since,
            DeskSettings.PauseReasons(unit.Campaign), catalog.Select(DispositionOption.From).ToList(),
            unit.Campaign.WrapUpLimitSeconds, unit.Campaign.WrapUpDefaultDispositionCode, pending, lead, callbacks);
    }

    /// <summary>The agent's pending callbacks (their own and those for anyone), soonest first.</summary>
    internal async Task<IReadOnlyList<CallbackView>> CallbacksAsync(AppDbContext db, DeskUnit unit, CancellationToken ct)
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

    private async Task<Result<DeskView>> ChangeAsync(string? operation, AgentFloorState state, string? reasonCode, CancellationToken ct)
    {
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
            return state == AgentFloorState.LoggedOut ? await ViewAsync(db, unit, ct) : DeskUnits.NotJoined;
        }

        if (session.State == AgentFloorState.InCall)
        {
            return Error.Conflict("desk.in_call", "Está en una llamada: termínela y tipifíquela primero.");
        }

        if (state != AgentFloorState.Paused && await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct) is not null)
        {
            return DeskUnits.DispositionRequired;
        }

        string? reason = null;
        if (state == AgentFloorState.Paused)
        {
            var reasons = DeskSettings.PauseReasons(unit.Campaign);
            var match = reasons.FirstOrDefault(r => string.Equals(r.Code, reasonCode?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return Error.Validation("desk.pause_reason", "Elija un motivo de pausa de la campaña: " + string.Join(", ", reasons.Select(r => r.Code)) + ".", "reasonCode");
            }

            reason = match.Code;
        }

        if (session.PreviewLead is { } taken && state != AgentFloorState.Ready)
        {
            // A previewed lead not dialled goes back to the hopper when the agent pauses or leaves.
            await ReleaseAsync(unit, taken, ct);
        }

        var moved = presence.Move(unit.Operation.Id, user, state, reason, s => state == AgentFloorState.Ready ? s : s with { PreviewLead = null })!;
        if (moved.State != session.State || moved.ReasonCode != session.ReasonCode)
        {
            DeskUnits.Log(db, unit, moved);
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(db, unit, ct);
    }

    private Task ReleaseAsync(DeskUnit unit, DialerLead taken, CancellationToken ct) => hopper.ReleaseAsync(unit.Operation.Id, taken.LeadId, ct);
}

/// <summary>Body of POST /api/v1/outbound/desk/pause.</summary>
public sealed record PauseRequest(string? ReasonCode);

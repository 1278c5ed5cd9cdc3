using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Body of POST /api/v1/outbound/desk/pause.</summary>
public sealed record PauseRequest(string? ReasonCode);

/// <summary>
/// The agent's state on a campaign they joined: ready for calls, paused with one of the campaign's reasons, or logged out.
/// Every change is logged (<see cref="AgentStateChange"/>) and told to the dialer through <see cref="AgentPresence"/>.
/// </summary>
public sealed class ChangeAgentState(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IDialerLeadSource hopper, AgentDesk desk)
{
    /// <summary>Ready for the next call; refused while an attempt lacks its disposition.</summary>
    public async Task<Result<DeskView>> ReadyAsync(string? operation, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.Ready, null, ct);

    /// <summary>Pauses with one of the campaign's pause reasons.</summary>
    public async Task<Result<DeskView>> PauseAsync(string? operation, string? reasonCode, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.Paused, reasonCode, ct);

    /// <summary>Leaves the campaign; refused in a call or while a disposition is pending.</summary>
    public async Task<Result<DeskView>> LogoutAsync(string? operation, CancellationToken ct) =>
        await ChangeAsync(operation, AgentFloorState.LoggedOut, null, ct);

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
            return state == AgentFloorState.LoggedOut ? await desk.ViewAsync(db, unit, ct) : DeskUnits.NotJoined;
        }

        if (session.State == AgentFloorState.InCall)
        {
            return Error.Conflict("desk.in_call");
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
                return Error.Invalid("reasonCode", "desk.pause_reason", string.Join(", ", reasons.Select(r => r.Code)));
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

        return await desk.ViewAsync(db, unit, ct);
    }

    private Task ReleaseAsync(DeskUnit unit, DialerLead taken, CancellationToken ct) => hopper.ReleaseAsync(unit.Operation.Id, taken.LeadId, ct);
}

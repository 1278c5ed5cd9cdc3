using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Preview: the next lead for the agent (due callbacks first); the same lead again while it is not dialled.</summary>
public sealed class TakeNextLead(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IDialerLeadSource hopper, AgentDesk desk)
{
    public async Task<Result<DeskView>> HandleAsync(string? operation, CancellationToken ct)
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
            return DeskUnits.NotJoined;
        }

        if (unit.Campaign.DialMode != DialMode.Preview)
        {
            return Error.Conflict("desk.automatic_mode");
        }

        if (await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct) is not null)
        {
            return DeskUnits.DispositionRequired;
        }

        if (session.State != AgentFloorState.Ready)
        {
            return Error.Conflict("desk.not_ready");
        }

        if (session.PreviewLead is null)
        {
            var taken = await hopper.TakeAsync(unit.Operation.Id, 1, user, ct);
            if (taken.Count == 0)
            {
                return Error.Conflict("desk.hopper_empty");
            }

            presence.Move(unit.Operation.Id, user, AgentFloorState.Ready, null, s => s with { PreviewLead = taken[0] });
        }

        return await desk.ViewAsync(db, unit, ct);
    }
}

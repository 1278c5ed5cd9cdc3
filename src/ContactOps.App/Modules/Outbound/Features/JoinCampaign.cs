using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// Joins the agent to a campaign: on the floor, not ready yet (or in wrap-up when a disposition is pending). The change is
/// logged (<see cref="AgentStateChange"/>) and told to the dialer through <see cref="AgentPresence"/>.
/// </summary>
public sealed class JoinCampaign(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, AgentDesk desk, TimeProvider time)
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

        return await desk.ViewAsync(db, unit, ct);
    }
}

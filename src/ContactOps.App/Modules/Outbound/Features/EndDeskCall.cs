using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Ends the agent's call: preview records the end (wrap-up starts); automatic modes hang up through the dialer.</summary>
public sealed class EndDeskCall(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IOutboundFloor floor, AgentDesk desk, TimeProvider time)
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
        var attempt = await DeskUnits.PendingAttemptAsync(db, unit.Operation.Id, user, ct);
        if (attempt is null || attempt.EndedAt is not null)
        {
            return Error.Conflict("desk.no_call");
        }

        if (attempt.Mode == DialMode.Preview)
        {
            var now = time.GetUtcNow();
            attempt.EndedAt = now;
            attempt.TalkSeconds = (int)Math.Max(0, (now - (attempt.ConnectedAt ?? attempt.StartedAt)).TotalSeconds);
            await db.SaveChangesAsync(ct);
            presence.Move(unit.Operation.Id, user, AgentFloorState.WrapUp, null, s => s with { Call = null });
        }
        else
        {
            await floor.HangUpAsync(unit.Operation.Id, user, ct);
            presence.Move(unit.Operation.Id, user, AgentFloorState.WrapUp, null);
        }

        return await desk.ViewAsync(db, unit, ct);
    }
}

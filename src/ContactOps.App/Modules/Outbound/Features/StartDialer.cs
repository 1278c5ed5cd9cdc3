using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Starts the campaign's dialer (automatic modes); the agents already ready are announced to it.</summary>
public sealed class StartDialer(IDbContextFactory<AppDbContext> dbs, AccessScope scope, AgentPresence presence, IOutboundFloor floor, OutboundFloorView floorView)
{
    public async Task<Result<FloorView>> HandleAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.FloorRoles, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (unit.Campaign.DialMode == DialMode.Preview)
        {
            return Error.Conflict("floor.preview_mode");
        }

        await floor.StartAsync(unit.Operation.Id, ct);

        // Agents already ready before the start are announced again to the fresh engine loop.
        foreach (var ready in presence.OnFloor(unit.Operation.Id).Where(s => s.State == AgentFloorState.Ready))
        {
            floor.AgentReady(ready.OperationId, ready.UserId, ready.Login, ready.Login);
        }

        await db.Entry(unit.Campaign).ReloadAsync(ct);
        return await floorView.ViewAsync(db, unit, ct);
    }
}

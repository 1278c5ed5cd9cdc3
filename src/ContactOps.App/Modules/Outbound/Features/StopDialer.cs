using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Stops the campaign's dialer.</summary>
public sealed class StopDialer(IDbContextFactory<AppDbContext> dbs, AccessScope scope, IOutboundFloor floor, OutboundFloorView floorView)
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
        await floor.StopAsync(unit.Operation.Id, ct);
        await db.Entry(unit.Campaign).ReloadAsync(ct);
        return await floorView.ViewAsync(db, unit, ct);
    }
}

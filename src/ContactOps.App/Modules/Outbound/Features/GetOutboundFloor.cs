using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The campaign's live floor for its supervisors, coordinators, managers and admins.</summary>
public sealed class GetOutboundFloor(IDbContextFactory<AppDbContext> dbs, AccessScope scope, OutboundFloorView floorView)
{
    public async Task<Result<FloorView>> HandleAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await DeskUnits.LoadAsync(db, scope, operation, DeskUnits.FloorRoles, ct);
        return loaded.IsSuccess ? await floorView.ViewAsync(db, loaded.Value!, ct) : loaded.Error!;
    }
}

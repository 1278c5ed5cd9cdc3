using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Closes a base: its leads are no longer dialled and no longer count as duplicates of new bases.</summary>
public sealed class CloseLeadBase(AppDbContext db, AccessScope scope, ListLeadBases bases)
{
    public async Task<Result<LeadBaseItem>> HandleAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden");
        }

        leadBase.Status = LeadBaseStatus.Closed;
        await db.SaveChangesAsync(ct);
        var list = await bases.HandleAsync(null, ct);
        return list.Value!.First(b => b.Id == baseId);
    }
}

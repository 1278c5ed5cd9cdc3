using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Path of the CSV of every rejected row of a base's import (linea;campo;motivo).</summary>
public sealed class GetLeadBaseRejections(AppDbContext db, AccessScope scope)
{
    public async Task<Result<string>> HandleAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden#3");
        }

        var path = Platform.Imports.ImportFiles.RejectsPath(baseId);
        return File.Exists(path) ? path : Error.NotFound("leads.rejections_gone");
    }
}

using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The CSV of every rejected row of a base's import (linea;campo;motivo), decrypted from the storage, for those who
/// manage the operation's bases; anyone else, or a base of another client, gets 404.
/// </summary>
public sealed class GetLeadBaseRejections(AppDbContext db, AccessScope scope, ImportRejects rejects)
{
    public async Task<Result<Stream>> HandleAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null || !LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.NotFound("leads.base_not_found");
        }

        var content = await rejects.OpenAsync(baseId, LeadFileColumns.FileKind, leadBase.OperationId, ct);
        return content is null ? Error.NotFound("leads.rejections_gone") : content;
    }
}

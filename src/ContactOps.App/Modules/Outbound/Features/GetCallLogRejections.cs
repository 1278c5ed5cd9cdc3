using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>
/// The rejected rows of a call-log import as CSV (linea;campo;motivo), decrypted from the storage. The import must be
/// a call-log import of an operation whose bases the caller manages; otherwise 404 (whatever the id is).
/// </summary>
public sealed class GetCallLogRejections(AppDbContext db, AccessScope scope, ImportRejects rejects)
{
    public async Task<Result<Stream>> HandleAsync(Guid importId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == importId && b.Kind == ImportCallLog.FileKind, ct);
        if (batch is not { OperationId: { } operationId } || !LeadAccess.CanManageBases(scope, operationId))
        {
            return Error.NotFound("calllog.rejects_not_found");
        }

        var content = await rejects.OpenAsync(importId, ImportCallLog.FileKind, operationId, ct);
        return content is null ? Error.NotFound("calllog.rejects_not_found") : content;
    }
}

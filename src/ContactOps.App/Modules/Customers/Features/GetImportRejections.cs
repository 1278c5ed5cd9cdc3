using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

/// <summary>
/// The rejected-rows CSV of a customers import (decrypted from the storage), for the people who may import into its
/// operation. Another kind of import, another client's, or an operation the caller may not import into: 404.
/// </summary>
public sealed class GetImportRejections(AppDbContext db, AccessScope scope, ImportRejects rejects)
{
    public async Task<Result<Stream>> HandleAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Id == batchId && b.Kind == CustomerFileColumns.FileKind, ct);
        if (batch is not { OperationId: { } operationId } || !scope.CanSeeClient(batch.ClientId) || !scope.CanSeeOperation(operationId)
            || !(scope.SeesAll || (scope.RoleIn(operationId) is { } role && Roles.CanImport(role))))
        {
            return Error.NotFound("import.not_found");
        }

        var content = await rejects.OpenAsync(batch.Id, CustomerFileColumns.FileKind, operationId, ct);
        return content is null ? Error.NotFound("import.rejections_gone") : content;
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ContactOps.Platform;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactOps.Modules.Customers.Features;

/// <summary>The rejected-rows CSV of an import batch, for the people of its operation who may import.</summary>
public sealed class GetImportRejections(AppDbContext db, AccessScope scope)
{
    public async Task<Result<string>> HandleAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || !scope.CanSeeClient(batch.ClientId) || (batch.OperationId is { } op && !scope.CanSeeOperation(op)))
        {
            return Error.NotFound("import.not_found");
        }

        if (!scope.SeesAll && !(batch.OperationId is { } operationId && scope.RoleIn(operationId) is { } role && Roles.CanImport(role)))
        {
            return Error.Forbidden("import.forbidden");
        }

        var path = ImportFiles.RejectsPath(batch.Id);
        return File.Exists(path)
            ? path
            : Error.NotFound("import.rejections_gone");
    }
}

using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The kept management reports of an operation, newest first.</summary>
public sealed class ListManagementRuns(AppDbContext db, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<ManagementRunItem>>> HandleAsync(string? operation, int take, CancellationToken ct)
    {
        var resolved = await ManagementAccess.OperationAsync(db, scope, operation, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var op = resolved.Value.Operation;
        var runs = await db.ManagementReportRuns.AsNoTracking().Where(r => r.OperationId == op.Id)
            .OrderByDescending(r => r.GeneratedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return runs.Select(r => ManagementAccess.Item(r, op.Code)).ToList();
    }
}

using System.Globalization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>One imported adjustments base as listed: its cut-off, file, who loaded it, when, and the summary it answered.</summary>
public sealed record AdjustmentCutView(
    Guid Id, DateOnly Cutoff, string FileName, DateTimeOffset ImportedAt, string ImportedBy, int Rows, int Created, int Updated, int Unchanged, int Rejected);

/// <summary>The cuts imported into an operation, newest cut-off first (then newest import); anyone who sees the operation may list them.</summary>
public sealed class ListAdjustmentCuts(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<AdjustmentCutView>>> HandleAsync(string? operationCode, int take = 100, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(operationCode))
        {
            return Error.Invalid("operation", "adjustments.operation_required");
        }

        if (!scope.IsAuthenticated)
        {
            return Error.Forbidden("auth.required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = operationCode.Trim();
        var operationId = await db.Operations.AsNoTracking().Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (operationId is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        return await db.AdjustmentCuts.AsNoTracking().Where(c => c.OperationId == operationId.Value)
            .OrderByDescending(c => c.Cutoff).ThenByDescending(c => c.ImportedAt).Take(Math.Clamp(take, 1, 500))
            .Select(c => new AdjustmentCutView(c.Id, c.Cutoff, c.FileName, c.ImportedAt, c.ImportedBy, c.Rows, c.Created, c.Updated, c.Unchanged, c.Rejected))
            .ToListAsync(ct);
    }
}

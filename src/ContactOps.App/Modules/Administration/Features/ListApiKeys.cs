using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record ApiKeyRow(Guid Id, string Operation, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The API keys of an operation the caller administers (never the secret).</summary>
public sealed class ListApiKeys(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<Page<ApiKeyRow>>> HandleAsync(string? operationCode, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var code = op.Value.Code;
        var query = db.ApiKeys.IgnoreQueryFilters().AsNoTracking().Where(k => k.OperationId == opId);
        var keys = await query.OrderBy(k => k.Name).ToPageAsync(paging.Value, ct);
        return keys.Map(k => new ApiKeyRow(k.Id, code, k.Name, k.Prefix, k.Role.ToString(), k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt));
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>Revokes an API key at once; it stops authenticating on the next request.</summary>
public sealed class RevokeApiKey(IDbContextFactory<AppDbContext> dbs, AdminAccess access, TimeProvider time)
{
    public async Task<Result<ApiKeyRow>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Error.NotFound("api_key.not_found");
        }

        var check = access.CheckOperation(key.ClientId, key.OperationId);
        if (!check.IsSuccess)
        {
            return check.Error!;
        }

        key.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var code = await db.Operations.IgnoreQueryFilters().Where(o => o.Id == key.OperationId).Select(o => o.Code).FirstAsync(ct);
        return new ApiKeyRow(key.Id, code, key.Name, key.Prefix, key.Role.ToString(), key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
    }
}

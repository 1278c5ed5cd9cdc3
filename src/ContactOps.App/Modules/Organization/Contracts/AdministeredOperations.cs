using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>An operation the caller administers, for pickers of other modules (user memberships, API keys).</summary>
public sealed record AdministeredOperation(Guid Id, string Client, string Code, string Name);

/// <summary>The operations the caller administers (every operation of a client they administer, every operation for a platform admin), by code.</summary>
public sealed class AdministeredOperations(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<IReadOnlyList<AdministeredOperation>> ListAsync(CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return [];
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var clientIds = access.Scope.AdministeredClientIds;
        var opIds = access.AdminMembershipOperationIds;
        var all = access.IsPlatformAdmin;
        return await (from o in db.Operations.IgnoreQueryFilters().AsNoTracking()
                      join c in db.Clients.IgnoreQueryFilters() on o.ClientId equals c.Id
                      where all || clientIds.Contains(o.ClientId) || opIds.Contains(o.Id)
                      orderby o.Code
                      select new AdministeredOperation(o.Id, c.Code, o.Code, o.Name)).ToListAsync(ct);
    }
}

using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>Ends a lockout after repeated failed sign-ins and resets the failure count.</summary>
public sealed class UnlockUser(IDbContextFactory<AppDbContext> dbs, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await users.ManageableAsync(db, userId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value!;
        var result = await users.Manager.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.Manager.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return AdminUsers.FromIdentity(result);
        }

        await users.AuditAsync(db, user, "unlocked", null, ct);
        return await users.RowAsync(db, user, ct);
    }
}

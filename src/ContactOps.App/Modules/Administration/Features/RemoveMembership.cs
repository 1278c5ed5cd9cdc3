using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>Takes a user out of one operation. Their sessions lose that operation at the next security-stamp check.</summary>
public sealed class RemoveMembership(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid membershipId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await ChangeMembership.FindAsync(db, access, membershipId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var m = found.Value!;
        if (m.UserId == access.Scope.UserId && m.Role == Platform.Auth.Role.Admin && !access.IsPlatformAdmin)
        {
            return Error.Validation("membership.self_admin");
        }

        db.Memberships.Remove(m);
        await db.SaveChangesAsync(ct);
        var user = await users.Manager.FindByIdAsync(m.UserId.ToString());
        await users.Manager.UpdateSecurityStampAsync(user!);
        return await users.RowAsync(db, user!, ct);
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record SetUserActiveRequest(bool? Active);

/// <summary>(De)activates a user. A deactivated user cannot sign in, and their open sessions end at the next security-stamp check.</summary>
public sealed class SetUserActive(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, SetUserActiveRequest request, CancellationToken ct)
    {
        if (request.Active is not { } active)
        {
            return Error.Invalid("active", "active.required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await users.ManageableAsync(db, userId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value!;
        if (!active && access.Scope.UserId == user.Id)
        {
            return Error.Invalid("active", "user.self");
        }

        user.IsActive = active;
        var updated = await users.Manager.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminUsers.FromIdentity(updated);
        }

        await users.Manager.UpdateSecurityStampAsync(user);
        await users.AuditAsync(db, user, active ? "activated" : "deactivated", null, ct);
        return await users.RowAsync(db, user, ct);
    }
}

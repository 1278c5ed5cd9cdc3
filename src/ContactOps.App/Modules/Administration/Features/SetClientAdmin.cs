using System.Security.Claims;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record SetClientAdminRequest(bool? Granted);

/// <summary>
/// Makes a user an admin of a whole client, or takes it back. Only a platform admin or an admin of that client may; the user
/// must belong to no other client. The user's sessions pick the change up at the next security-stamp check.
/// </summary>
public sealed class SetClientAdmin(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, string? clientCode, SetClientAdminRequest request, CancellationToken ct)
    {
        if (request.Granted is not { } granted)
        {
            return Error.Invalid("granted", "granted.required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var client = await access.ClientAsync(db, clientCode, ct);
        if (!client.IsSuccess)
        {
            return client.Error!;
        }

        var clientId = client.Value!.Id;
        var addable = await users.AddableAsync(db, userId, clientId, ct);
        if (!addable.IsSuccess)
        {
            return addable.Error!;
        }

        var user = addable.Value!;
        if (!granted && user.Id == access.Scope.UserId && !access.IsPlatformAdmin)
        {
            return Error.Validation("client_admin.self");
        }

        var value = clientId.ToString();
        var has = (await users.Manager.GetClaimsAsync(user)).Any(c => c.Type == AccessScope.ClientAdminClaim && c.Value == value);
        if (has != granted)
        {
            var claim = new Claim(AccessScope.ClientAdminClaim, value);
            var changed = granted ? await users.Manager.AddClaimAsync(user, claim) : await users.Manager.RemoveClaimAsync(user, claim);
            if (!changed.Succeeded)
            {
                return AdminUsers.FromIdentity(changed);
            }

            await users.Manager.UpdateSecurityStampAsync(user);
            await users.AuditAsync(db, user, granted ? "client_admin_granted" : "client_admin_revoked", new { client = client.Value.Code }, ct);
        }

        return await users.RowAsync(db, user, ct);
    }
}

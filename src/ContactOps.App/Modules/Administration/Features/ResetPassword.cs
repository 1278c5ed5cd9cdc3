using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record ResetPasswordRequest(string? NewPassword);

/// <summary>Sets a new password chosen by the admin (validated by the password policy); ends the user's sessions.</summary>
public sealed class ResetPassword(IDbContextFactory<AppDbContext> dbs, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, ResetPasswordRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return Error.Invalid("password", "password.required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await users.ManageableAsync(db, userId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value!;
        var token = await users.Manager.GeneratePasswordResetTokenAsync(user);
        var result = await users.Manager.ResetPasswordAsync(user, token, request.NewPassword);
        if (!result.Succeeded)
        {
            return AdminUsers.FromIdentity(result);
        }

        await users.AuditAsync(db, user, "password_reset", null, ct);
        return await users.RowAsync(db, user, ct);
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>The extension and dialer login to keep for the user; blank or missing clears them.</summary>
public sealed record SetUserDeskRequest(string? Extension, string? DialerLogin);

/// <summary>
/// An admin sets a user's desk profile: the phone extension (2–8 digits) and the login the dialer and the carrier know the
/// agent by (letters, digits, <c>. _ -</c>, up to 40), the values the inbound desk, the outbound desk and the sale form
/// prefill. The same rules as the user's own profile page (<see cref="SaveMyProfile"/>); 400 with
/// <c>profile.extension_invalid</c> or <c>profile.dialer_login_invalid</c>. Audited with the old and new values.
/// </summary>
public sealed class SetUserDesk(IDbContextFactory<AppDbContext> dbs, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, SetUserDeskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Who may first: someone who administers no one learns nothing from the validation.
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await users.ManageableAsync(db, userId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var clean = ProfileRules.Clean(request.Extension, request.DialerLogin);
        if (!clean.IsSuccess)
        {
            return clean.Error!;
        }

        var user = found.Value!;
        var before = new { extension = user.Extension, dialerLogin = user.DialerLogin };
        (user.Extension, user.DialerLogin) = clean.Value;
        var updated = await users.Manager.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminUsers.FromIdentity(updated);
        }

        await users.AuditAsync(db, user, "desk-changed", new { before, after = new { extension = user.Extension, dialerLogin = user.DialerLogin } }, ct);
        return await users.RowAsync(db, user, ct);
    }
}

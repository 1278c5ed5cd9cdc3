using ContactOps.Platform.Auth;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ContactOps.Modules.Administration.Features;

/// <summary>The extension and dialer login to keep; blank or missing clears them.</summary>
public sealed record SaveMyProfileRequest(string? Extension, string? DialerLogin);

/// <summary>
/// The signed-in user sets their own extension (2–8 digits) and dialer login (letters, digits, <c>. _ -</c>, up to 40).
/// Bad input: 400 with <c>profile.extension_invalid</c> or <c>profile.dialer_login_invalid</c> (each bad field named).
/// </summary>
public sealed class SaveMyProfile(UserManager<AppUser> users, AccessScope scope)
{
    public async Task<Result<MyProfile>> HandleAsync(SaveMyProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (scope.UserId is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return Error.Forbidden("profile.no_user");
        }

        var clean = ProfileRules.Clean(request.Extension, request.DialerLogin);
        if (!clean.IsSuccess)
        {
            return clean.Error!;
        }

        (user.Extension, user.DialerLogin) = clean.Value;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminUsers.FromIdentity(updated);
        }

        return GetMyProfile.Describe(user);
    }
}

using ContactOps.Platform.Auth;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace ContactOps.Modules.Administration.Features;

/// <summary>
/// The signed-in user's own profile: the account's login and name, the extension and dialer login they set, and the login
/// the desk and the sale form prefill (<see cref="DeskLogin"/>: the dialer login when set, else the account's login).
/// </summary>
public sealed record MyProfile(string Login, string DisplayName, string? Extension, string? DialerLogin, string? DeskLogin);

/// <summary>Reads the caller's own profile. Any signed-in user; an API key (no user behind it) has none.</summary>
public sealed class GetMyProfile(UserManager<AppUser> users, AccessScope scope)
{
    public async Task<Result<MyProfile>> HandleAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (scope.UserId is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return Error.Forbidden("profile.no_user");
        }

        return Describe(user);
    }

    public static MyProfile Describe(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var login = user.UserName ?? "";
        return new(login, user.DisplayName, user.Extension, user.DialerLogin, DeskIdentity.Of(user.Extension, user.DialerLogin, login).Login);
    }
}

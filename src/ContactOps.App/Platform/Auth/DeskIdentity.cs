using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Platform.Auth;

/// <summary>What the desk and the sale form put in the extension and login boxes before the agent types anything.</summary>
public sealed record DeskDefaults(string? Extension, string? Login);

/// <summary>
/// The signed-in user's extension and dialer login from their profile (<see cref="AppUser.Extension"/>,
/// <see cref="AppUser.DialerLogin"/>): the extension as set (none when not set), the dialer login when set, else the
/// account's login. The agent may still change both on the form.
/// </summary>
public sealed class DeskIdentity(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<DeskDefaults> ForCallerAsync(CancellationToken ct)
    {
        if (scope.UserId is not { } id)
        {
            return new(null, scope.Login);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Extension, u.DialerLogin }).FirstOrDefaultAsync(ct);
        return Of(profile?.Extension, profile?.DialerLogin, scope.Login);
    }

    /// <summary>The rule in one place: the dialer login when set, else the account's login.</summary>
    public static DeskDefaults Of(string? extension, string? dialerLogin, string? accountLogin) =>
        new(string.IsNullOrWhiteSpace(extension) ? null : extension, string.IsNullOrWhiteSpace(dialerLogin) ? accountLogin : dialerLogin);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>
/// Identity's user manager with a growing lockout: after <see cref="SecurityOptions.LockoutMaxFailures"/> wrong
/// passwords in a row the account is locked for 1 minute, then 2, 4 … up to the cap, instead of a fixed 15 minutes
/// that anyone knowing a user name could renew forever at no cost. A successful sign-in (or an admin's unlock) starts
/// the count again. Lockouts are measured on the application's clock.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    IOptions<SecurityOptions> security,
    TimeProvider time)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.AccessFailedCount++;
        if (user.AccessFailedCount >= Math.Max(1, security.Value.LockoutMaxFailures) && user.LockoutEnabled)
        {
            user.LockoutStreak++;
            user.LockoutEnd = time.GetUtcNow() + security.Value.LockoutFor(user.LockoutStreak);
            user.AccessFailedCount = 0;
        }

        return await UpdateUserAsync(user);
    }

    public override Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(SupportsUserLockout && user.LockoutEnabled && user.LockoutEnd is { } end && end > time.GetUtcNow());
    }

    public override async Task<IdentityResult> ResetAccessFailedCountAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.AccessFailedCount == 0 && user.LockoutStreak == 0)
        {
            return IdentityResult.Success;
        }

        user.AccessFailedCount = 0;
        user.LockoutStreak = 0;
        return await UpdateUserAsync(user);
    }
}

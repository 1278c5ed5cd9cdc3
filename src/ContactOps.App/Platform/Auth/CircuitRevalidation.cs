using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>
/// Re-checks an open Blazor circuit's user against the database at the same interval as the sign-in cookie
/// (<c>Security:StampValidationSeconds</c>, at most a minute): a sign-out elsewhere, a password reset, a deactivation, a
/// lockout or a membership change ends the open page's session too, which then goes to the sign-in page, instead of
/// keeping the signed-in state until the next full load.
/// </summary>
public sealed class CircuitRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        options.Value.StampValidationInterval is var interval && interval > TimeSpan.FromSeconds(1) ? interval : TimeSpan.FromSeconds(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.ValidateSecurityStampAsync(state.User);
        return user is not null && !await signIn.UserManager.IsLockedOutAsync(user);
    }
}

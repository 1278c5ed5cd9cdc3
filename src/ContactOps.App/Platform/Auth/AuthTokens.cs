using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ContactOps.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>
/// Bearer tokens for API clients: a short-lived access token (a data-protected ticket, <see cref="SecurityOptions.AccessTokenMinutes"/>)
/// and a one-use refresh token (random, only its SHA-256 stored), both tied to an <see cref="AuthSession"/>. A refresh
/// rotates the refresh token; presenting a used one again revokes the session (someone else holds a copy). Every
/// bearer request checks that its session is still live (<see cref="IsLiveAsync"/>) and its user's security stamp.
/// </summary>
public sealed class AuthTokens(
    AppDbContext db,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<SecurityOptions> options,
    TimeProvider time)
{
    /// <summary>The claim of an access token naming its session.</summary>
    public const string SessionClaim = "co:sid";

    private SecurityOptions Options => options.Value;

    /// <summary>A new session for a user whose password has just been checked.</summary>
    public async Task<AccessTokenResponse> IssueAsync(AppUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = new AuthSession(user.Id, user.SecurityStamp ?? "", now);
        db.AuthSessions.Add(session);
        return await NewPairAsync(user, session, now, ct);
    }

    /// <summary>A new pair for a live, unused refresh token; null (and the session revoked when it was a reuse) otherwise.</summary>
    public async Task<AccessTokenResponse?> RefreshAsync(string? refreshToken, CancellationToken ct)
    {
        var row = await FindAsync(refreshToken, ct);
        if (row is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var session = await db.AuthSessions.FirstAsync(s => s.Id == row.SessionId, ct);
        if (session.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return null;
        }

        // Claim the token atomically: of two concurrent uses, one wins and the other is a reuse.
        var claimed = row.UsedAt is null
            && await db.RefreshTokens.Where(t => t.Id == row.Id && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) == 1;
        if (!claimed)
        {
            session.Revoke(now, "reused");
            await db.SaveChangesAsync(ct);
            return null;
        }

        var user = await signIn.UserManager.FindByIdAsync(session.UserId.ToString());
        if (user is null || user.SecurityStamp != session.SecurityStamp || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            session.Revoke(now, "stamp");
            await db.SaveChangesAsync(ct);
            return null;
        }

        return await NewPairAsync(user, session, now, ct);
    }

    /// <summary>Ends the session of a refresh token (or the given session). Unknown tokens are ignored.</summary>
    public async Task RevokeAsync(string? refreshToken, Guid? sessionId, CancellationToken ct)
    {
        // A refresh token in the body names the session to end; only without one is it the caller's own bearer session
        // (an unknown or already rotated token ends nothing, not the caller's session).
        var id = string.IsNullOrEmpty(refreshToken) ? sessionId : (await FindAsync(refreshToken, ct))?.SessionId;
        if (id is null)
        {
            return;
        }

        var session = await db.AuthSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        session?.Revoke(time.GetUtcNow(), "revoked");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the session an access token names is still live (a token without one is not).</summary>
    public Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        SessionOf(principal) is { } id
            ? db.AuthSessions.AnyAsync(s => s.Id == id && s.RevokedAt == null, ct)
            : Task.FromResult(false);

    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(SessionClaim)?.Value, out var id) ? id : null;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<RefreshToken?> FindAsync(string? refreshToken, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(refreshToken) || refreshToken.Length > 200)
        {
            return null;
        }

        var hash = HashOf(refreshToken.Trim());
        return await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, ct);
    }

    private async Task<AccessTokenResponse> NewPairAsync(AppUser user, AuthSession session, DateTimeOffset now, CancellationToken ct)
    {
        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.RefreshTokens.Add(new RefreshToken(session.Id, HashOf(refresh), now, now + Options.RefreshTokenLifetime));
        await db.SaveChangesAsync(ct);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Options.AccessTokenLifetime };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return new AccessTokenResponse
        {
            AccessToken = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket),
            ExpiresIn = (long)Options.AccessTokenLifetime.TotalSeconds,
            RefreshToken = refresh,
        };
    }
}

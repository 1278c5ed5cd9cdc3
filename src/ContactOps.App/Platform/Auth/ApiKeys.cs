using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>Creating and checking API keys: "co_" + 10-char prefix + "_" + 32-char secret; only the SHA-256 of the whole key is kept.</summary>
public static class ApiKeySecrets
{
    public const string HeaderName = "X-Api-Key";
    public const string Scheme = "ApiKey";

    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'A').Replace('/', 'b').TrimEnd('=');
        var key = $"co_{prefix}_{secret}";
        return (key, prefix, HashOf(key));
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_');
        return parts.Length == 3 && parts[0] == "co" && parts[1].Length == 10 ? parts[1] : null;
    }
}

/// <summary>Authenticates integrations by the X-Api-Key header. The principal has one membership: the key's operation and role.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecrets.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString().Trim();
        var prefix = ApiKeySecrets.PrefixOf(presented);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("Clave de API con formato inválido.");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var key = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Prefix == prefix);
        var now = time.GetUtcNow();
        if (key is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(ApiKeySecrets.HashOf(presented)))
            || !key.IsUsable(now))
        {
            return AuthenticateResult.Fail("Clave de API inválida, vencida o revocada.");
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now));
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "apikey:" + key.Name),
            new Claim(AccessScope.DisplayNameClaim, "API: " + key.Name),
            new Claim(AccessScope.ApiKeyClaim, key.Id.ToString()),
            new Claim(AccessScope.MembershipClaim, AccessScope.FormatMembership(new ScopeMembership(key.OperationId, key.ClientId, key.Role))),
        ], ApiKeySecrets.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeySecrets.Scheme));
    }
}

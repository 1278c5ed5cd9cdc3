namespace ContactOps.Platform.Auth;

/// <summary>The <c>Security</c> section of the configuration: token lifetimes, sign-in limits, lockout back-off, metrics.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Lifetime of a bearer access token (<c>Security:AccessTokenMinutes</c>).</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Lifetime of one refresh token; each refresh gives a new one (<c>Security:RefreshTokenDays</c>).</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How often a sign-in cookie is checked against the user's security stamp (<c>Security:StampValidationSeconds</c>, at most 60).</summary>
    public int StampValidationSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts (form, token, refresh) one IP address may make per window.</summary>
    public int SignInPerIpPermits { get; set; } = 60;

    public int SignInPerIpWindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts (form, token) one account may receive per window, whatever the address.</summary>
    public int SignInPerAccountPermits { get; set; } = 10;

    public int SignInPerAccountWindowSeconds { get; set; } = 300;

    /// <summary>
    /// Verifications of a customer's document or phone (<c>POST /api/v1/customers/{id}/verify</c> and the 360° page's
    /// form) one user may make per window, whatever the customer: bounds guessing a number by trying it.
    /// </summary>
    public int VerifyPerUserPermits { get; set; } = 10;

    public int VerifyPerUserWindowSeconds { get; set; } = 60;

    /// <summary>Failed passwords in a row that lock an account.</summary>
    public int LockoutMaxFailures { get; set; } = 5;

    /// <summary>The first lock; each further lock in a row doubles it (1, 2, 4 … minutes) up to <see cref="LockoutMaxMinutes"/>.</summary>
    public int LockoutFirstSeconds { get; set; } = 60;

    public int LockoutMaxMinutes { get; set; } = 30;

    /// <summary>
    /// When set, <c>/metrics</c> answers only on this port (a management port, e.g. 9464, bound in <c>urls</c> and not
    /// published) without sign-in; when empty, <c>/metrics</c> answers on every port to a signed-in leader or admin.
    /// </summary>
    public int? MetricsPort { get; set; }

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    public TimeSpan StampValidationInterval => TimeSpan.FromSeconds(Math.Clamp(StampValidationSeconds, 0, 60));

    /// <summary>The lock after the <paramref name="streak"/>-th lock in a row (1-based): first, doubled each time, capped.</summary>
    public TimeSpan LockoutFor(int streak)
    {
        var cap = TimeSpan.FromMinutes(LockoutMaxMinutes);
        var seconds = LockoutFirstSeconds * Math.Pow(2, Math.Clamp(streak - 1, 0, 30));
        return seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);
    }
}

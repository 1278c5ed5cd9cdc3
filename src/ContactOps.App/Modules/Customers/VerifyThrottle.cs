using System.Threading.RateLimiting;
using ContactOps.Platform.Auth;
using Microsoft.Extensions.Options;

namespace ContactOps.Modules.Customers;

/// <summary>
/// The rate limit on verifying a customer's document or phone, per user (ASP.NET Core's rate limiting, a fixed window,
/// built like the sign-in limits of <see cref="SignInThrottle"/>): <c>Security:VerifyPerUserPermits</c> verifications per
/// <c>Security:VerifyPerUserWindowSeconds</c> (10 per 60 s), whatever the customer, through the API and the 360° page
/// alike. Without it, verify would be a way to guess a number by trying it. The limits are the current
/// <see cref="VerifyLimits"/>.
/// </summary>
public sealed class VerifyThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(VerifyLimits Limits, Guid Caller)> _callers =
        PartitionedRateLimiter.Create<(VerifyLimits Limits, Guid Caller), (VerifyLimits, Guid)>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            k => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, k.Item1.Options.VerifyPerUserPermits),
                Window = TimeSpan.FromSeconds(k.Item1.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>Counts one verification of <paramref name="caller"/> (a user id, or an API key's id); false when the caller has had too many.</summary>
    public bool TryAcquire(VerifyLimits limits, Guid caller)
    {
        using var lease = _callers.AttemptAcquire((limits, caller));
        return lease.IsAcquired;
    }

    public void Dispose() => _callers.Dispose();
}

/// <summary>
/// The verify limits in force (from <see cref="SecurityOptions"/>). Counts are kept per instance of this class (it is
/// part of every partition key), so an instance with other limits starts from zero.
/// </summary>
public sealed class VerifyLimits(IOptions<SecurityOptions> options)
{
    public SecurityOptions Options { get; } = options.Value;

    /// <summary>The window's length in seconds (at least 1).</summary>
    public int WindowSeconds => Math.Max(1, Options.VerifyPerUserWindowSeconds);
}

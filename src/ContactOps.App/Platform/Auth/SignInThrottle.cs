using System.Threading.RateLimiting;
using ContactOps.Platform.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>
/// Rate limits on signing in (ASP.NET Core rate limiting): per client address on <c>/account/login</c>,
/// <c>/api/v1/auth/token</c> and <c>/api/v1/auth/refresh</c> (the <see cref="Policy"/> policy of the rate-limiting
/// middleware), and per account on the two password endpoints (<see cref="TryAccount"/>, checked once the user name
/// is read). A refused attempt answers 429 with the code <c>auth.too_many_attempts</c>, or sends the sign-in page
/// back with its Spanish message. The limits are the current <see cref="SignInLimits"/>.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<(SignInLimits Limits, string Account)> _accounts =
        PartitionedRateLimiter.Create<(SignInLimits Limits, string Account), (SignInLimits, string)>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            k => Window(k.Item1.Options.SignInPerAccountPermits, k.Item1.Options.SignInPerAccountWindowSeconds)));

    /// <summary>Counts one sign-in attempt against an account; false when the account has had too many.</summary>
    public bool TryAccount(HttpContext http, string userName)
    {
        using var lease = _accounts.AttemptAcquire((http.RequestServices.GetRequiredService<SignInLimits>(), userName.Trim().ToUpperInvariant()));
        return lease.IsAcquired;
    }

    /// <summary>The caller's address partition for the middleware's policy.</summary>
    public static RateLimitPartition<AddressKey> ForAddress(HttpContext http)
    {
        var limits = http.RequestServices.GetRequiredService<SignInLimits>();
        return RateLimitPartition.GetFixedWindowLimiter(
            new AddressKey(limits, http.Connection.RemoteIpAddress?.ToString() ?? "-"),
            k => Window(k.Limits.Options.SignInPerIpPermits, k.Limits.Options.SignInPerIpWindowSeconds));
    }

    /// <summary>The answer to a refused attempt: the sign-in page with its message, or a 429 ProblemDetails.</summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.Redirect("/login?error=throttled");
            return;
        }

        await Refused().ExecuteAsync(http);
    }

    public static IResult Refused() => TypedResults.Problem(
        detail: Messages.Text("Error.auth.too_many_attempts"),
        statusCode: StatusCodes.Status429TooManyRequests,
        title: Messages.Text("Problem.too_many_requests"),
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "auth.too_many_attempts" });

    public void Dispose() => _accounts.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>A partition key of one set of limits.</summary>
    public sealed record AddressKey(SignInLimits Limits, string Address);
}

/// <summary>
/// The sign-in limits in force (from <see cref="SecurityOptions"/>). Counts are kept per instance of this class (it is
/// part of every partition key), so an instance with other limits starts from zero.
/// </summary>
public sealed class SignInLimits(IOptions<SecurityOptions> options)
{
    public SecurityOptions Options { get; } = options.Value;
}

public static class SignInThrottleSetup
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInThrottle.Policy, SignInThrottle.ForAddress);
            o.OnRejected = (context, _) => new ValueTask(SignInThrottle.RefuseAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : null));
        });
        return services;
    }
}

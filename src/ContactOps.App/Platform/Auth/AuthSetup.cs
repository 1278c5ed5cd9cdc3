using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Components.Authorization;
using ContactOps.Platform.Localization;
using ContactOps.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

public static class AuthSetup
{
    public const string SmartScheme = "ContactOps";

    public static IServiceCollection AddAppAuth(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddScoped<AccessScope>();
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<SpanishIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // The lockout itself is AppUserManager's growing back-off; Identity's fixed window only mirrors its settings.
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, s) =>
        {
            o.Lockout.MaxFailedAccessAttempts = Math.Max(1, s.Value.LockoutMaxFailures);
            o.Lockout.DefaultLockoutTimeSpan = s.Value.LockoutFor(1);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>>((o, s) => o.ValidationInterval = s.Value.StampValidationInterval);
        services.AddScoped<AuthTokens>();
        services.AddScoped<DeskIdentity>();
        services.AddSignInThrottle();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie, bearer o clave de API", o =>
            {
                o.ForwardDefaultSelector = ctx =>
                {
                    if (ctx.Request.Headers.ContainsKey(ApiKeySecrets.HeaderName))
                    {
                        return ApiKeySecrets.Scheme;
                    }

                    var auth = ctx.Request.Headers.Authorization.ToString();
                    return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
                };
            })
            .AddBearerToken(IdentityConstants.BearerScheme) // validates the access tokens AuthTokens issues (their expiry is in the ticket)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeySecrets.Scheme, null)
            .AddIdentityCookies(b => b.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Cookie.Name = "contactops.auth";
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever served over HTTPS
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/metrics"))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    var api = ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/metrics");
                    ctx.Response.StatusCode = api ? StatusCodes.Status403Forbidden : StatusCodes.Status302Found;
                    if (!api)
                    {
                        ctx.Response.Redirect(ctx.RedirectUri);
                    }

                    return Task.CompletedTask;
                };
            }));

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        services.AddScoped<CircuitHandler, ScopeCircuitHandler>();
        return services;
    }

    /// <summary>Sets the request's <see cref="AccessScope"/> from its authenticated principal.</summary>
    /// <remarks>
    /// Bearer tokens are self-contained; so that a locked-out, deactivated or re-stamped user (password
    /// reset, membership change, sign-out) or a revoked session loses API access at once rather than when the
    /// token expires, each bearer request re-checks the user's security stamp and its session (two primary-key lookups).
    /// </remarks>
    public static IApplicationBuilder UseAccessScope(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true
                && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && !ctx.Request.Headers.ContainsKey(ApiKeySecrets.HeaderName))
            {
                var signIn = ctx.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                var user = await signIn.ValidateSecurityStampAsync(ctx.User);
                if (user is null
                    || await signIn.UserManager.IsLockedOutAsync(user)
                    || !await ctx.RequestServices.GetRequiredService<AuthTokens>().IsLiveAsync(ctx.User, ctx.RequestAborted))
                {
                    ctx.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                }
            }

            ctx.RequestServices.GetRequiredService<AccessScope>().SetUser(ctx.User);
            await next(ctx);
        });

    public sealed record TokenRequest(string UserName, string Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Cookie sign-in for the UI (a plain form post from the static sign-in page). Unknown user, wrong password,
        // locked or deactivated account: the same answer.
        app.MapPost("/account/login", async Task<IResult> ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, [FromForm] bool? remember, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle) =>
        {
            var back = LocalUrls.SafeOrRoot(returnUrl);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
            {
                return TypedResults.LocalRedirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(back)}");
            }

            if (!throttle.TryAccount(http, userName))
            {
                return TypedResults.LocalRedirect($"/login?error=throttled&returnUrl={Uri.EscapeDataString(back)}");
            }

            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var user = await FindForSignInAsync(signIn, userName, password);
            var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, remember == true, lockoutOnFailure: true);
            return result.Succeeded
                ? TypedResults.LocalRedirect(back)
                : TypedResults.LocalRedirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        }).DisableAntiforgery().RequireRateLimiting(SignInThrottle.Policy).ExcludeFromDescription();

        // Sign-out needs the page's antiforgery token, and ends every session of the user: the new security stamp
        // fails the old cookies at their next check (at most a minute) and the bearer tokens and refresh tokens at once.
        app.MapPost("/account/logout", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    detail: Messages.Text("Error.auth.antiforgery"),
                    statusCode: StatusCodes.Status400BadRequest,
                    title: Messages.Text("Problem.validation"),
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "auth.antiforgery" });
            }

            if (http.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login?signedOut=1");
        }).DisableAntiforgery().ExcludeFromDescription();

        // Bearer tokens for API clients.
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/token", async Task<IResult> (TokenRequest request, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle, AuthTokens tokens, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.Password))
            {
                return TypedResults.Problem("Indique usuario y contraseña.", statusCode: StatusCodes.Status400BadRequest, title: "Solicitud inválida");
            }

            if (!throttle.TryAccount(http, request.UserName))
            {
                return SignInThrottle.Refused();
            }

            var user = await FindForSignInAsync(signIn, request.UserName, request.Password);
            var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            return result.Succeeded ? TypedResults.Ok(await tokens.IssueAsync(user!, ct)) : InvalidCredentials();
        })
        .AllowAnonymous()
        .RequireRateLimiting(SignInThrottle.Policy)
        .WithSummary("Exchange user name and password for an access token (15 minutes) and a refresh token")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/refresh", async Task<IResult> (RefreshRequest request, AuthTokens tokens, CancellationToken ct) =>
            await tokens.RefreshAsync(request.RefreshToken, ct) is { } pair
                ? TypedResults.Ok(pair)
                : TypedResults.Problem(
                    detail: Messages.Text("Error.auth.invalid_refresh_token"),
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: Messages.Text("Problem.unauthorized"),
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "auth.invalid_refresh_token" }))
        .AllowAnonymous()
        .RequireRateLimiting(SignInThrottle.Policy)
        .WithSummary("Exchange a refresh token (once) for a new access token and refresh token; a reused one ends the session")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/revoke", async (RefreshRequest? request, HttpContext http, AuthTokens tokens, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(request?.RefreshToken, AuthTokens.SessionOf(http.User), ct);
            return TypedResults.NoContent();
        })
        .AllowAnonymous()
        .RequireRateLimiting(SignInThrottle.Policy)
        .WithSummary("End a session: its refresh token in the body, or the caller's own bearer session; its tokens stop working at once");
        return app;
    }

    private static IResult InvalidCredentials() => TypedResults.Problem(
        detail: Messages.Text("Error.auth.invalid_credentials"),
        statusCode: StatusCodes.Status401Unauthorized,
        title: Messages.Text("Problem.unauthorized"),
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "auth.invalid_credentials" });

    /// <summary>The user to check the password of; for an unknown name, null after hashing the password anyway, so that time tells nothing either.</summary>
    private static async Task<AppUser?> FindForSignInAsync(SignInManager<AppUser> signIn, string userName, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.HashPassword(new AppUser(), password);
        }

        return user;
    }

}

/// <summary>Keeps the circuit's <see cref="AccessScope"/> in step with its authentication state.</summary>
public sealed class ScopeCircuitHandler(AuthenticationStateProvider auth, AccessScope scope) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await auth.GetAuthenticationStateAsync();
        scope.SetUser(state.User);
    }

    private void OnChanged(Task<AuthenticationState> task) => _ = Update(task);

    private async Task Update(Task<AuthenticationState> task)
    {
        var state = await task;
        scope.SetUser(state.User);
    }

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}

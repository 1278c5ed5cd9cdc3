using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Components.Authorization;

namespace ContactOps.Platform.Auth;

public static class AuthSetup
{
    public const string SmartScheme = "ContactOps";

    public static IServiceCollection AddAppAuth(this IServiceCollection services)
    {
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
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager<AppSignInManager>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<SpanishIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
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
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeySecrets.Scheme, null)
            .AddIdentityCookies(b => b.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Cookie.Name = "contactops.auth";
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api"))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = ctx.Request.Path.StartsWithSegments("/api") ? StatusCodes.Status403Forbidden : StatusCodes.Status302Found;
                    if (!ctx.Request.Path.StartsWithSegments("/api"))
                    {
                        ctx.Response.Redirect(ctx.RedirectUri);
                    }

                    return Task.CompletedTask;
                };
            }));

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, ScopeCircuitHandler>();
        return services;
    }

    /// <summary>Sets the request's <see cref="AccessScope"/> from its authenticated principal.</summary>
    /// <remarks>
    /// Bearer tokens are self-contained; so that a locked-out, deactivated or re-stamped user (password
    /// reset, membership change) loses API access at once rather than when the token expires, each
    /// bearer request re-checks the user's security stamp (one primary-key lookup).
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
                if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
                {
                    ctx.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                }
            }

            ctx.RequestServices.GetRequiredService<AccessScope>().SetUser(ctx.User);
            await next(ctx);
        });

    public sealed record TokenRequest(string UserName, string Password);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Cookie sign-in for the UI (a plain form post from the static sign-in page).
        app.MapPost("/account/login", async Task<IResult> ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, [FromForm] bool? remember, SignInManager<AppUser> signIn) =>
        {
            var back = SafeReturnUrl(returnUrl);
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
            {
                return TypedResults.LocalRedirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(back)}");
            }

            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var result = await signIn.PasswordSignInAsync(userName.Trim(), password, remember == true, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.LocalRedirect(back);
            }

            var error = result.IsLockedOut ? "locked" : result.IsNotAllowed ? "notallowed" : "invalid";
            return TypedResults.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(back)}");
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login?signedOut=1");
        }).ExcludeFromDescription();

        // Bearer tokens for API clients.
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (TokenRequest request, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrWhiteSpace(request.Password))
            {
                return TypedResults.Problem("Indique usuario y contraseña.", statusCode: StatusCodes.Status400BadRequest, title: "Solicitud inválida");
            }

            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.Empty; // the bearer handler has written the token response
            }

            return result.IsLockedOut
                ? TypedResults.Problem("La cuenta está bloqueada por intentos fallidos; intente más tarde.", statusCode: StatusCodes.Status423Locked, title: "Cuenta bloqueada")
                : TypedResults.Problem("Usuario o contraseña incorrectos.", statusCode: StatusCodes.Status401Unauthorized, title: "No autorizado");
        })
        .AllowAnonymous()
        .WithSummary("Exchange user name and password for a bearer token")
        .Produces<AccessTokenResponse>();
        return app;
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
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

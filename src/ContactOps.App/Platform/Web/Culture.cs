using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using ContactOps.Platform.Auth;

namespace ContactOps.Platform.Web;

/// <summary>Falls back to the culture remembered on the user (claim) when no culture cookie is present.</summary>
public sealed class UserClaimCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.User.FindFirst("co:culture")?.Value;
        return Task.FromResult(string.IsNullOrEmpty(culture) ? null : new ProviderCultureResult(culture));
    }
}

public static class CultureEndpoints
{
    /// <summary>GET /culture/set?culture=en&amp;redirectUri=/... sets the culture cookie and remembers it on the user.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async (string? culture, string? redirectUri, HttpContext http, UserManager<AppUser> users, TimeProvider time) =>
        {
            var chosen = culture is "en" or "es-CO" ? culture : "es-CO";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var user = await users.GetUserAsync(http.User);
                if (user is not null && user.PreferredCulture != chosen)
                {
                    user.PreferredCulture = chosen;
                    await users.UpdateAsync(user);
                }
            }

            return TypedResults.LocalRedirect(LocalUrls.SafeOrRoot(redirectUri));
        }).ExcludeFromDescription();
        return app;
    }
}

using System.Security.Cryptography;

namespace ContactOps.Platform.Web;

/// <summary>
/// Response headers that limit what a browser will do with the application's pages: a Content-Security-Policy that
/// Blazor Server and MudBlazor work under (scripts from this site only, plus the import map by a per-request nonce;
/// inline styles for MudBlazor; the circuit's WebSocket to this host only; no framing, plugins or foreign forms),
/// <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: strict-origin-when-cross-origin</c> on every response.
/// The API reference at <c>/scalar</c> loads its own scripts and gets the same headers without the script rules.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "co:csp-nonce";

    /// <summary>The nonce an inline script of this response must carry (the import map).</summary>
    public static string? Nonce(HttpContext http) => http.Items[NonceItem] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceItem] = nonce;
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar")
                    ? "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
                    : Policy(http.Request.Host.Value, nonce);
                return Task.CompletedTask;
            });
            return next(http);
        });

    internal static string Policy(string? host, string nonce)
    {
        var sockets = string.IsNullOrEmpty(host) ? "" : $" ws://{host} wss://{host}";
        return "default-src 'self'; "
            + $"script-src 'self' 'nonce-{nonce}'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + $"connect-src 'self'{sockets}; "
            + "frame-ancestors 'none'; "
            + "form-action 'self'; "
            + "base-uri 'self'; "
            + "object-src 'none'";
    }
}

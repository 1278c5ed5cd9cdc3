using ContactOps.Platform.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace ContactOps.Platform.Web;

/// <summary>
/// The API accepts the UI's sign-in cookie too, so a state-changing request that authenticates by cookie
/// (no Authorization header, no API key) must carry a valid antiforgery token; otherwise another site could
/// make a signed-in browser post to it. Bearer tokens and API keys are not sent by browsers on their own.
/// </summary>
public static class CookieCsrfFilter
{
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var method = http.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
                || http.Request.Headers.ContainsKey("Authorization")
                || http.Request.Headers.ContainsKey(ApiKeySecrets.HeaderName)
                || http.User.Identity?.IsAuthenticated != true)
            {
                return await next(context);
            }

            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    detail: "Falta el token antifalsificación: desde el navegador use la aplicación, o llame a la API con un token Bearer o una clave de API.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Solicitud rechazada",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "antiforgery.missing" });
            }

            return await next(context);
        });
}

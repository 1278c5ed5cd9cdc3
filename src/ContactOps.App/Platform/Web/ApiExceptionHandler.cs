using ContactOps.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace ContactOps.Platform.Web;

/// <summary>
/// An unexpected failure on the API answers a 500 ProblemDetails (no details of the exception), instead of
/// re-executing the UI's error page. The exception itself is logged by the exception-handler middleware. A request that
/// does not bind (malformed JSON, a missing or unparsable parameter: <c>RouteHandlerOptions.ThrowOnBadRequest</c>) answers
/// a 400 ProblemDetails with the code <c>request.malformed_json</c> or <c>request.invalid</c>.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the original path is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api") || httpContext.Response.HasStarted)
        {
            return false;
        }

        if (exception is BadHttpRequestException bad)
        {
            // A body that is not JSON (or not the expected shape), a parameter that does not bind: the caller's fault.
            var code = bad.InnerException switch
            {
                NoNulStrings.NulCharacterException => NoNulStrings.Code,
                System.Text.Json.JsonException => "request.malformed_json",
                _ => "request.invalid",
            };
            httpContext.Response.StatusCode = bad.StatusCode;
            await TypedResults.Problem(
                    detail: Messages.Text("Error." + code),
                    statusCode: bad.StatusCode,
                    title: Messages.Text("Problem.validation"),
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code })
                .ExecuteAsync(httpContext);
            return true;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await TypedResults.Problem(
                detail: Messages.Text("Error.internal"),
                statusCode: StatusCodes.Status500InternalServerError,
                title: Messages.Text("Problem.internal"),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "internal", ["traceId"] = httpContext.TraceIdentifier })
            .ExecuteAsync(httpContext);
        return true;
    }
}

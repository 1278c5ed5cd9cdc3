using ContactOps.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace ContactOps.Platform.Web;

/// <summary>
/// An unexpected failure on the API answers a 500 ProblemDetails (no details of the exception), instead of
/// re-executing the UI's error page. The exception itself is logged by the exception-handler middleware.
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

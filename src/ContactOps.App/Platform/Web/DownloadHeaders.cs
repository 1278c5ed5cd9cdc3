using Microsoft.Net.Http.Headers;

namespace ContactOps.Platform.Web;

/// <summary>
/// Every file the server hands out (rejects, reports, exports, stored files: any response with a
/// <c>Content-Disposition</c>) is an attachment, never shown inline, and carries <c>X-Content-Type-Options: nosniff</c>
/// so a browser never guesses another type (a CSV with HTML inside rendered as a page).
/// </summary>
public static class DownloadHeaders
{
    public static IApplicationBuilder UseDownloadHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (headers.ContentDisposition.Count > 0)
                {
                    if (ContentDispositionHeaderValue.TryParse(headers.ContentDisposition.ToString(), out var disposition)
                        && !string.Equals(disposition.DispositionType.Value, "attachment", StringComparison.OrdinalIgnoreCase))
                    {
                        disposition.DispositionType = "attachment";
                        headers.ContentDisposition = disposition.ToString();
                    }

                    headers.XContentTypeOptions = "nosniff";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}

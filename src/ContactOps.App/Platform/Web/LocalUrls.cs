namespace ContactOps.Platform.Web;

/// <summary>Where a redirect that a caller chose (a return URL, a culture switch) may go: a path of this site, else "/".</summary>
public static class LocalUrls
{
    /// <summary>
    /// The URL when it is a plain local path ("/…", not "//host" or "/\host", no control characters such as CR, LF or
    /// tab, no backslash), else "/". Stricter than <c>LocalRedirect</c>'s own check, so redirecting to it never throws.
    /// </summary>
    public static string SafeOrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return "/";
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return "/";
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c))
            {
                return "/";
            }
        }

        return url;
    }
}

using ContactOps.Platform.Results;

namespace ContactOps.Platform.Cli;

/// <summary>Files named on the command line (the import verbs share this instead of repeating it).</summary>
public static class CliFiles
{
    /// <summary>
    /// Opens a file for one sequential read, or answers the platform's validation error <c>import.file_unreadable</c>
    /// (missing, unreadable, a directory, a bad path) with the path and the system's reason, for <see cref="CliContext.Fail"/>.
    /// </summary>
    public static Result<FileStream> OpenRead(string? path)
    {
        try
        {
            return new FileStream(path ?? "", FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error.Invalid("file", "import.file_unreadable", path, ex.Message);
        }
    }
}

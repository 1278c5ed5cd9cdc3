namespace ContactOps.Platform.Storage;

/// <summary>
/// A working file in the system's temporary folder that only the server's own user can read (mode 0600 on Unix) and
/// that is deleted when its stream is closed. Personal data never sits in a world-readable temporary file.
/// </summary>
public static class PrivateTempFile
{
    /// <summary>Creates a new, empty, read-write file named <paramref name="prefix"/> + a new id, deleted on close.</summary>
    public static FileStream Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Creates a new, empty owner-only file named <paramref name="prefix"/> + a new id + <paramref name="extension"/> and
    /// answers its path, for code that writes and reopens the file by path (it deletes it when done). Opening it again
    /// with <see cref="FileMode.Create"/> keeps its mode.
    /// </summary>
    public static string NewPath(string prefix, string extension = "")
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N") + extension);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(path, options))
        {
        }

        return path;
    }
}

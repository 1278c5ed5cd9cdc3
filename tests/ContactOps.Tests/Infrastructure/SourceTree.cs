namespace ContactOps.Tests.Infrastructure;

/// <summary>Paths in the repository the tests were built from (for tests that read source files, e.g. resources).</summary>
public static class SourceTree
{
    /// <summary>The repository's root (the folder of ContactOps.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The application project's folder, src/ContactOps.App.</summary>
    public static string App => Path.Combine(Root, "src", "ContactOps.App");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContactOps.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ContactOps.slnx not found above " + AppContext.BaseDirectory);
    }
}

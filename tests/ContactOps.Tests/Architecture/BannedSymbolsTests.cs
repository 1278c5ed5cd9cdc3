namespace ContactOps.Tests.Architecture;

/// <summary>The analyzer's banned list keeps the clock and blocking waits out of the product.</summary>
public class BannedSymbolsTests
{
    [Fact]
    public void BannedSymbols_bans_the_wall_clock_and_blocking_on_tasks()
    {
        var file = FindUp("BannedSymbols.txt");
        var ids = File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(';')[0].Trim())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("P:System.DateTime.Now", ids);
        Assert.Contains("P:System.DateTime.UtcNow", ids);
        Assert.Contains("P:System.DateTimeOffset.UtcNow", ids);
        Assert.Contains("P:System.Threading.Tasks.Task`1.Result", ids);
        Assert.Contains("M:System.Threading.Tasks.Task.Wait", ids);
    }

    [Fact]
    public void Every_project_is_built_with_the_banned_api_analyzer_reading_that_file()
    {
        var root = Path.GetDirectoryName(FindUp("BannedSymbols.txt"))!;
        var build = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        Assert.Contains("BannedSymbols.txt", build, StringComparison.Ordinal);
        Assert.Contains("BannedApiAnalyzers", build + File.ReadAllText(Path.Combine(root, "Directory.Packages.props")), StringComparison.Ordinal);
    }

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}

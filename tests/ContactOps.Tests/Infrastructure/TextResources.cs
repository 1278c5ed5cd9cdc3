using System.Xml.Linq;

namespace ContactOps.Tests.Infrastructure;

/// <summary>The application's text resources (<c>&lt;Module&gt;Text.resx</c> beside each module, Spanish; <c>.en.resx</c>, English).</summary>
public static class TextResources
{
    /// <summary>Every Spanish resource file: class name → path.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Directory
        .EnumerateFiles(SourceTree.App, "*.resx", SearchOption.AllDirectories)
        .Where(p => !p.EndsWith(".en.resx", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal);

    /// <summary>The keys of a text class's Spanish resource (or English, <paramref name="english"/>).</summary>
    public static HashSet<string> Keys(string textClass, bool english = false)
    {
        var path = All[textClass];
        if (english)
        {
            path = path[..^".resx".Length] + ".en.resx";
        }

        return XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The razor files below a folder of the application (e.g. Modules/Sales).</summary>
    public static IEnumerable<string> Razor(string folder) =>
        Directory.EnumerateFiles(Path.Combine(SourceTree.App, folder), "*.razor", SearchOption.AllDirectories);
}

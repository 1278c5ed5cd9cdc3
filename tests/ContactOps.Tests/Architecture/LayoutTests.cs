using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// THE SHAPE (../shared/ARCHITECTURE.md, docs/architecture.md): every type's namespace matches its folder; every module
/// is <c>Modules/&lt;Module&gt;/</c> with its domain at the root, <c>Features/</c> (one use case per file, the file named
/// after its one class), <c>Pages/</c>, <c>Cli/</c>, <c>Contracts/</c>, <c>Data/</c>, its <c>&lt;Module&gt;Module.cs</c> and its text.
/// </summary>
public partial class LayoutTests
{
    /// <summary>Module sub-folders that are not one of the standard five: a large domain component of its own, with the reason.</summary>
    private static readonly Dictionary<string, string> DomainFolders = new(StringComparer.Ordinal)
    {
        ["Outbound/Dialer"] = "the live dialer: pacers, the engine and the simulator (a domain component, not use cases)",
    };

    private static readonly string[] StandardFolders = ["Features", "Pages", "Cli", "Contracts", "Data"];

    [Fact]
    public void Every_type_lives_in_the_namespace_of_its_folder()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles("*.cs"))
        {
            var relative = Path.GetRelativePath(SourceTree.App, Path.GetDirectoryName(file)!);
            var expected = relative == "." ? "ContactOps" : "ContactOps." + relative.Replace(Path.DirectorySeparatorChar, '.');
            foreach (Match m in Namespace().Matches(File.ReadAllText(file)))
            {
                if (m.Groups[1].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(SourceTree.App, file)}: namespace {m.Groups[1].Value}, folder says {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_module_has_the_one_shape()
    {
        var wrong = new List<string>();
        foreach (var module in Directory.GetDirectories(Path.Combine(SourceTree.App, "Modules")).Select(Path.GetFileName).OfType<string>())
        {
            var root = Path.Combine(SourceTree.App, "Modules", module);
            if (!File.Exists(Path.Combine(root, module + "Module.cs")))
            {
                wrong.Add($"Modules/{module}: no {module}Module.cs");
            }

            if (Directory.Exists(Path.Combine(root, "Pages")) && !File.Exists(Path.Combine(root, module + "Text.resx")))
            {
                wrong.Add($"Modules/{module}: pages without {module}Text.resx");
            }

            foreach (var folder in Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>())
            {
                if (folder is "bin" or "obj" || StandardFolders.Contains(folder) || DomainFolders.ContainsKey(module + "/" + folder))
                {
                    continue;
                }

                wrong.Add($"Modules/{module}/{folder}: not one of {string.Join(", ", StandardFolders)} (nor a listed domain component)");
            }

            foreach (var standard in StandardFolders.Where(f => f != "Features"))
            {
                var dir = Path.Combine(root, standard);
                if (Directory.Exists(dir) && Directory.GetDirectories(dir).Length > 0)
                {
                    wrong.Add($"Modules/{module}/{standard}: no sub-folders");
                }
            }

            var features = Path.Combine(root, "Features");
            if (Directory.Exists(features))
            {
                foreach (var file in Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories))
                {
                    var classes = Class().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
                    if (classes.Count != 1 || classes[0] != Path.GetFileNameWithoutExtension(file))
                    {
                        wrong.Add($"{Path.GetRelativePath(SourceTree.App, file)}: one use case per file, named after its class (found {string.Join(", ", classes)})");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(SourceTree.App, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^namespace ([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>Top-level classes of a file (records, enums, interfaces and structs beside the use case are its request and answer).</summary>
    [GeneratedRegex(@"^(?:public|internal) (?:sealed |static |abstract |partial )*class (\w+)", RegexOptions.Multiline)]
    private static partial Regex Class();
}

using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// THE RULE: each module's UI text and error messages live beside the module, as <c>&lt;Module&gt;Text.resx</c>
/// (Spanish) and <c>&lt;Module&gt;Text.en.resx</c> (English) next to the <c>&lt;Module&gt;Text</c> class that names them;
/// the two languages have the same keys, and every literal key a component asks a localizer for exists.
/// </summary>
public partial class TextResourcesTests
{
    [Fact]
    public void Every_text_resource_sits_beside_its_class_and_has_the_same_keys_in_spanish_and_english()
    {
        Assert.NotEmpty(TextResources.All);
        Assert.False(Directory.Exists(Path.Combine(SourceTree.App, "Resources")), "The shared Resources/ folder is gone: a module's text sits beside the module.");
        foreach (var (name, path) in TextResources.All)
        {
            Assert.True(name.EndsWith("Text", StringComparison.Ordinal), $"{path}: a text resource is named <Module>Text.");
            Assert.True(File.Exists(Path.ChangeExtension(path, ".cs")), $"{path}: the class {name} sits beside its resources.");
            Assert.True(File.Exists(path[..^".resx".Length] + ".en.resx"), $"{path}: the English resources are missing.");
            var missing = TextResources.Keys(name).Except(TextResources.Keys(name, english: true)).Select(k => name + ": " + k + " (no English)")
                .Concat(TextResources.Keys(name, english: true).Except(TextResources.Keys(name)).Select(k => name + ": " + k + " (no Spanish)"))
                .ToList();
            Assert.True(missing.Count == 0, string.Join('\n', missing));
        }
    }

    [Fact]
    public void Every_value_of_every_enum_an_audited_record_holds_has_a_label_in_both_languages()
    {
        var spanish = TextResources.Keys("AppText");
        var english = TextResources.Keys("AppText", english: true);
        var enums = ContactOps.Components.Shared.AuditedTypes.Enums.ToList();
        Assert.Contains(typeof(ContactOps.Modules.Sales.SaleState), enums);
        var missing = enums
            .SelectMany(e => Enum.GetNames(e).Select(v => ContactOps.Components.Shared.AuditedTypes.Key(e, v)))
            .Where(k => !spanish.Contains(k) || !english.Contains(k))
            .ToList();
        Assert.True(missing.Count == 0, "AppText lacks:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_record_the_audit_names_has_a_label_in_both_languages()
    {
        var spanish = TextResources.Keys("AppText");
        var english = TextResources.Keys("AppText", english: true);
        var names = ContactOps.Components.Shared.AuditedTypes.Entities.Keys.ToList();
        Assert.Contains("SaleStep", names);
        var missing = names.Select(n => "AuditEntity_" + n).Where(k => !spanish.Contains(k) || !english.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "AppText lacks:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_field_the_audit_shows_has_a_label_in_both_languages()
    {
        var spanish = TextResources.Keys("AppText");
        var english = TextResources.Keys("AppText", english: true);
        var fields = ContactOps.Components.Shared.AuditedTypes.ShownFields.ToList();
        Assert.Contains("AgentLogin", fields);
        var missing = fields.Select(n => "AuditField_" + n).Where(k => !spanish.Contains(k) || !english.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "AppText lacks:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_literal_key_a_component_asks_for_exists()
    {
        var missing = new List<string>();
        var files = Directory.EnumerateFiles(SourceTree.App, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var checkedUses = 0;
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            foreach (var (variable, text) in Localizers(file, source))
            {
                var keys = TextResources.Keys(text);
                foreach (Match use in Regex.Matches(source, @"\b" + Regex.Escape(variable) + @"\[""([A-Za-z0-9_.\-]+)""[,\]]"))
                {
                    checkedUses++;
                    if (!keys.Contains(use.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(SourceTree.App, file)}: {variable}[\"{use.Groups[1].Value}\"] is not in {text}");
                    }
                }
            }
        }

        Assert.True(checkedUses > 1000, $"Only {checkedUses} localized texts found: the scan no longer sees the components.");
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    /// <summary>The localizers a file uses: injected (<c>IStringLocalizer&lt;X&gt; L</c>) or inherited from an admin page base.</summary>
    private static IEnumerable<(string Variable, string Text)> Localizers(string file, string source)
    {
        foreach (Match m in InjectedLocalizer().Matches(source))
        {
            var text = m.Groups[1].Value.Split('.')[^1];
            if (TextResources.All.ContainsKey(text))
            {
                yield return (m.Groups[2].Value, text);
            }
        }

        if (file.EndsWith(".razor", StringComparison.Ordinal) && !source.Contains("@inherits ComponentBase", StringComparison.Ordinal))
        {
            var imports = Path.Combine(Path.GetDirectoryName(file)!, "_Imports.razor");
            if (File.Exists(imports) && AdminBase().Match(File.ReadAllText(imports)) is { Success: true } b)
            {
                yield return ("L", b.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"IStringLocalizer<([A-Za-z0-9_.]+)>\s+(\w+)")]
    private static partial Regex InjectedLocalizer();

    [GeneratedRegex(@"@inherits AdminPageBase<(\w+)>")]
    private static partial Regex AdminBase();
}

using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace ContactOps.Platform.Localization;

/// <summary>
/// Messages for people, by stable key, in the current UI language: each module keeps its own in its
/// <c>&lt;Module&gt;Text.resx</c> (Spanish) and <c>.en.resx</c> (English) — error messages under <c>Error.&lt;code&gt;</c>,
/// field messages under <c>Field.&lt;Use case&gt;.&lt;field&gt;</c> — and the platform in <c>PlatformText</c>. A key is
/// looked up in whichever text resource defines it (keys are unique across the application; a test checks it), then
/// formatted with <paramref name="args"/> in the current culture. So the same failure reads in Spanish on an es-CO
/// screen, in English on an English one, and the API keeps the stable code beside it.
/// </summary>
public static class Messages
{
    /// <summary>The kinds of message keys: error messages by code, field messages by use case and field, ProblemDetails titles by kind.</summary>
    public static readonly string[] Prefixes = ["Error.", "Field.", "Problem."];

    private static readonly Lazy<FrozenDictionary<string, ResourceManager>> Index = new(BuildIndex);

    /// <summary>The text resource classes of the application (<c>*Text</c> with an embedded .resx).</summary>
    public static IReadOnlyList<Type> TextTypes { get; } = typeof(Messages).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Text", StringComparison.Ordinal) && t.Assembly.GetManifestResourceInfo(t.FullName + ".resources") is not null)
        .ToList();

    /// <summary>The message <paramref name="key"/> in the current UI language, formatted with <paramref name="args"/>; the key itself when no resource has it.</summary>
    public static string Text(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Index.Value.TryGetValue(key, out var resources))
        {
            return key;
        }

        var template = resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args is { Length: > 0 } ? string.Format(CultureInfo.CurrentCulture, template, args) : template;
    }

    /// <summary>True when some text resource defines <paramref name="key"/>.</summary>
    public static bool Has(string key) => Index.Value.ContainsKey(key);

    private static FrozenDictionary<string, ResourceManager> BuildIndex()
    {
        var index = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var type in TextTypes)
        {
            var resources = new ResourceManager(type.FullName!, type.Assembly);
            // Not disposed: the manager caches this set and reads the neutral messages from it afterwards.
            var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
            if (set is null)
            {
                continue;
            }

            foreach (System.Collections.DictionaryEntry entry in set)
            {
                if (entry.Key is string key && Prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
                {
                    index.TryAdd(key, resources);
                }
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

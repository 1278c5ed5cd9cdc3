using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// THE RULE: a message for people is never a literal in code. Errors name a stable code and take arguments
/// (<c>Error.Conflict("sale.closed", state)</c>); field errors name a key (<c>Messages.Text("Field.RegisterSale.plan")</c>);
/// the words live in the module's text resources in Spanish and English, with the same placeholders, and each call
/// passes as many arguments as its message has placeholders.
/// </summary>
public partial class MessagesTests
{
    private static readonly Lazy<(Dictionary<string, string> Es, Dictionary<string, string> En)> Texts = new(LoadTexts);

    [Fact]
    public void Every_message_a_call_names_exists_in_both_languages_with_its_arguments()
    {
        var wrong = new List<string>();
        var calls = 0;
        foreach (var (file, line, key, args) in Calls())
        {
            calls++;
            var where = $"{Path.GetRelativePath(SourceTree.App, file)}:{line}";
            if (args.Any(a => SpanishLiteral().IsMatch(a)))
            {
                wrong.Add($"{where}: a message literal is passed to {key}: move it to the resources");
                continue;
            }

            if (!Texts.Value.Es.TryGetValue(key, out var es))
            {
                wrong.Add($"{where}: {key} is in no text resource");
                continue;
            }

            if (!Texts.Value.En.TryGetValue(key, out var en) || en.Trim().Length == 0)
            {
                wrong.Add($"{where}: {key} has no English");
                continue;
            }

            var placeholders = Placeholders(es);
            if (placeholders != args.Count)
            {
                wrong.Add($"{where}: {key} has {placeholders} placeholders and the call passes {args.Count} arguments");
            }

            if (Placeholders(en) != placeholders)
            {
                wrong.Add($"{where}: {key} has {Placeholders(en)} placeholders in English and {placeholders} in Spanish");
            }
        }

        Assert.True(calls > 500, $"Only {calls} message calls found: the scan no longer sees the code.");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void A_message_key_is_defined_once_across_the_modules()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var twice = new List<string>();
        foreach (var (name, path) in TextResources.All)
        {
            foreach (var key in TextResources.Keys(name).Where(k => k.StartsWith("Error.", StringComparison.Ordinal) || k.StartsWith("Field.", StringComparison.Ordinal)))
            {
                if (!owners.TryAdd(key, name))
                {
                    twice.Add($"{key}: {owners[key]} and {name}");
                }
            }
        }

        Assert.True(twice.Count == 0, string.Join('\n', twice));
    }

    /// <summary>Every Error factory call with a literal code, and every Messages.Text call with a literal key.</summary>
    private static IEnumerable<(string File, int Line, string Key, List<string> Args)> Calls()
    {
        foreach (var file in Directory.EnumerateFiles(SourceTree.App, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in Call().Matches(source))
            {
                var args = Arguments(source, m.Index + m.Length);
                var method = m.Groups[1].Success ? m.Groups[1].Value : "Text";
                if (method == "Invalid")
                {
                    args.RemoveAt(0);
                }

                if (args.Count == 0 || !Regex.IsMatch(args[0], "^\"[^\"]*\"$"))
                {
                    continue; // a default code (Error.NotFound()), a constant code or field errors: checked where they are defined
                }

                var name = args[0].Trim('"');
                var key = method == "Text" ? name : "Error." + name;
                yield return (file, source[..m.Index].Count(c => c == '\n') + 1, key, args.Skip(1).ToList());
            }
        }
    }

    /// <summary>The top-level arguments of a call whose opening parenthesis is just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string s, int start)
    {
        var args = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                var interpolated = i > 0 && s[i - 1] == '$';
                for (i++; s[i] != '"'; i++)
                {
                    if (s[i] == '\\')
                    {
                        i++;
                    }
                    else if (interpolated && s[i] == '{' && s[i + 1] != '{')
                    {
                        for (var d = 1; d > 0;)
                        {
                            i++;
                            d += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
                        }
                    }
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    var last = s[from..i].Trim();
                    if (last.Length > 0)
                    {
                        args.Add(last);
                    }

                    return args;
                }
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(s[from..i].Trim());
                from = i + 1;
            }
        }

        return args;
    }

    private static int Placeholders(string template) =>
        Placeholder().Matches(template.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;

    private static (Dictionary<string, string>, Dictionary<string, string>) LoadTexts()
    {
        var es = new Dictionary<string, string>(StringComparer.Ordinal);
        var en = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in TextResources.All.Values)
        {
            foreach (var (file, into) in new[] { (path, es), (path[..^".resx".Length] + ".en.resx", en) })
            {
                foreach (var data in XDocument.Load(file).Root!.Elements("data"))
                {
                    into[(string)data.Attribute("name")!] = (string?)data.Element("value") ?? "";
                }
            }
        }

        return (es, en);
    }

    [GeneratedRegex(@"\b(?:Error\.(Validation|NotFound|Forbidden|Conflict|Failure|TooManyRequests|Invalid)|Messages\.Text)\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^\$?""[^""]*[A-Za-záéíóúñÁÉÍÓÚÑ]{2,}[^""]* [^""]*""$")]
    private static partial Regex SpanishLiteral();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}

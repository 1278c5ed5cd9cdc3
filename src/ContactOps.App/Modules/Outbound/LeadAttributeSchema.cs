using System.Globalization;
using System.Text.Json;

namespace ContactOps.Modules.Outbound;

/// <summary>A carrier column of a base: its key in <see cref="Lead.AttributesJson"/>, its kind and its label (the file's header).</summary>
public sealed record LeadAttributeInfo(string Key, LeadAttributeKind Kind, string Label);

/// <summary>
/// <see cref="LeadBase.AttributeSchemaJson"/>: the base's column mapping of carrier attributes. Written as
/// <c>{"plan_actual":{"kind":"Text","label":"Plan actual"}}</c> (the label is the header as the file wrote it); bases loaded
/// before labels were kept hold <c>{"plan_actual":"Text"}</c>, read with a label made from the key ("Plan actual").
/// </summary>
public static class LeadAttributeSchema
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<LeadAttributeInfo> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            map[a.Key] = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = a.Kind.ToString(), ["label"] = a.Label };
        }

        return JsonSerializer.Serialize(map, Json);
    }

    public static IReadOnlyList<LeadAttributeInfo> Parse(string? json)
    {
        var result = new List<LeadAttributeInfo>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                string? kind = null;
                string? label = null;
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    kind = p.Value.GetString();
                }
                else if (p.Value.ValueKind == JsonValueKind.Object)
                {
                    kind = p.Value.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                    label = p.Value.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                }

                result.Add(new LeadAttributeInfo(
                    p.Name,
                    Enum.TryParse<LeadAttributeKind>(kind, ignoreCase: true, out var parsed) ? parsed : LeadAttributeKind.Text,
                    string.IsNullOrWhiteSpace(label) ? Humanize(p.Name) : label.Trim()));
            }
        }
        catch (JsonException)
        {
            // A malformed schema shows keys made readable rather than breaking a page.
        }

        return result;
    }

    /// <summary>Labels by key of these schemas (the first base that names a key wins).</summary>
    public static Dictionary<string, string> Labels(IEnumerable<string?> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in schemas)
        {
            foreach (var a in Parse(schema))
            {
                labels.TryAdd(a.Key, a.Label);
            }
        }

        return labels;
    }

    /// <summary>A readable label from a key when the base has none: "plan_actual" → "Plan actual".</summary>
    public static string Humanize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = key.Replace('_', ' ').Trim();
        return text.Length == 0 ? key : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }
}

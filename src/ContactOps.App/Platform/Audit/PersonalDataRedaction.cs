using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactOps.Platform.Audit;

/// <summary>
/// Masks identity documents and phone numbers inside audit change sets before they leave a handler: their
/// full values are shown only through the logged reveal of the customer page.
/// </summary>
public static class PersonalDataRedaction
{
    private static readonly string[] PersonalFields = ["DocumentNumber", "DocumentComplement", "E164", "Number", "Phone", "Phones"];

    /// <summary>Field names (or their last dotted segment) that carry a document number or a phone.</summary>
    public static bool IsPersonal(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        return PersonalFields.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Keeps the last four characters (at most half) and stars the other letters and digits.</summary>
    public static string? MaskValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var keepFrom = value.Length - Math.Min(4, value.Length / 2);
        return string.Concat(value.Select((ch, i) => i < keepFrom && char.IsLetterOrDigit(ch) ? '*' : ch));
    }

    /// <summary>Returns the change-set JSON with personal values masked (unparseable text is returned as is).</summary>
    public static string? MaskChanges(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return json;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        if (root is not JsonObject obj)
        {
            return json;
        }

        var changed = false;
        foreach (var (key, value) in obj.ToList())
        {
            if (!IsPersonal(key) || value is null)
            {
                continue;
            }

            obj[key] = value is JsonArray arr
                ? new JsonArray(arr.Select(v => (JsonNode?)(v is null ? null : JsonValue.Create(MaskValue(v.ToString())))).ToArray())
                : JsonValue.Create(MaskValue(value.ToString()));
            changed = true;
        }

        return changed ? obj.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : json;
    }
}

using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// One rule of a segment over a lead field: the lead's attributes (carrier columns) plus <c>document</c>, <c>fullName</c>
/// and <c>base</c> (the base's name). Equals / Contains compare text without case; In takes <see cref="Values"/>;
/// Range takes <see cref="Min"/>/<see cref="Max"/> (numbers, else yyyy-MM-dd dates, else text; either may be missing);
/// IsEmpty; DateRelative: a date within the last (<see cref="Days"/> &lt; 0) or next (&gt; 0) N days of today.
/// </summary>
public sealed record SegmentRule
{
    public string Field { get; init; } = "";

    [JsonConverter(typeof(JsonStringEnumConverter<SegmentMatch>))]
    public SegmentMatch Match { get; init; }

    public string? Value { get; init; }

    public List<string>? Values { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    /// <summary>DateRelative: −N = within the last N days, +N = within the next N days (today included).</summary>
    public int? Days { get; init; }
}

/// <summary>The fields of a lead the rules look at.</summary>
public sealed class LeadFields
{
    private readonly Dictionary<string, string?> _values;

    public LeadFields(string document, string fullName, string baseName, string? attributesJson)
    {
        _values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["document"] = document,
            ["fullName"] = fullName,
            ["base"] = baseName,
        };
        if (string.IsNullOrWhiteSpace(attributesJson) || attributesJson == "{}")
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(attributesJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                _values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
        }
    }

    public string? this[string field] => _values.TryGetValue(field, out var v) ? v : null;
}

public static class SegmentRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static List<SegmentRule> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<SegmentRule>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Write(IEnumerable<SegmentRule> rules) => JsonSerializer.Serialize(rules, Json);

    /// <summary>Validation messages (Spanish) of a rule list; empty when valid.</summary>
    public static List<string> Validate(IReadOnlyList<SegmentRule> rules)
    {
        var errors = new List<string>();
        foreach (var r in rules)
        {
            if (string.IsNullOrWhiteSpace(r.Field))
            {
                errors.Add(Messages.Text("Field.SegmentRules.field_missing"));
                continue;
            }

            if (!Enum.IsDefined(r.Match))
            {
                errors.Add(Messages.Text("Field.SegmentRules.match_invalid", r.Field));
                continue;
            }

            switch (r.Match)
            {
                case SegmentMatch.Equals or SegmentMatch.Contains when string.IsNullOrWhiteSpace(r.Value):
                    errors.Add(Messages.Text("Field.SegmentRules.value_missing", r.Field));
                    break;
                case SegmentMatch.In when r.Values is null || r.Values.Count == 0:
                    errors.Add(Messages.Text("Field.SegmentRules.values_missing", r.Field));
                    break;
                case SegmentMatch.Range when string.IsNullOrWhiteSpace(r.Min) && string.IsNullOrWhiteSpace(r.Max):
                    errors.Add(Messages.Text("Field.SegmentRules.range_missing", r.Field));
                    break;
                case SegmentMatch.DateRelative when r.Days is null or 0 || Math.Abs(r.Days.Value) > 3650:
                    errors.Add(Messages.Text("Field.SegmentRules.days_missing", r.Field));
                    break;
            }
        }

        return errors;
    }

    /// <summary>True when the lead holds every rule (no rules: every lead).</summary>
    public static bool Matches(IReadOnlyList<SegmentRule> rules, LeadFields lead, DateOnly today)
    {
        foreach (var r in rules)
        {
            if (!Matches(r, lead[r.Field], today))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(SegmentRule rule, string? value, DateOnly today)
    {
        var v = value?.Trim();
        switch (rule.Match)
        {
            case SegmentMatch.IsEmpty:
                return string.IsNullOrEmpty(v);
            case SegmentMatch.Equals:
                return v is not null && SameText(v, rule.Value);
            case SegmentMatch.In:
                return v is not null && (rule.Values ?? []).Any(x => SameText(v, x));
            case SegmentMatch.Contains:
                return v is not null && rule.Value is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(v, rule.Value.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
            case SegmentMatch.Range:
                return v is not null && InRange(v, rule.Min?.Trim(), rule.Max?.Trim());
            case SegmentMatch.DateRelative:
                if (v is null || rule.Days is not { } days || !TryDate(v, out var date))
                {
                    return false;
                }

                return days < 0 ? date >= today.AddDays(days) && date <= today : date >= today && date <= today.AddDays(days);
            default:
                return false;
        }
    }

    private static bool SameText(string a, string? b) =>
        b is not null && CultureInfo.InvariantCulture.CompareInfo.Compare(a, b.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    private static bool InRange(string v, string? min, string? max)
    {
        var lo = string.IsNullOrEmpty(min) ? null : min;
        var hi = string.IsNullOrEmpty(max) ? null : max;
        if (TryNumber(v, out var n) && (lo is null || TryNumber(lo, out _)) && (hi is null || TryNumber(hi, out _)))
        {
            return (lo is null || n >= Number(lo)) && (hi is null || n <= Number(hi));
        }

        if (TryDate(v, out var d) && (lo is null || TryDate(lo, out _)) && (hi is null || TryDate(hi, out _)))
        {
            return (lo is null || d >= Date(lo)) && (hi is null || d <= Date(hi));
        }

        return (lo is null || string.Compare(v, lo, StringComparison.Ordinal) >= 0) && (hi is null || string.Compare(v, hi, StringComparison.Ordinal) <= 0);
    }

    private static bool TryNumber(string s, out decimal n) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out n);

    private static decimal Number(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static bool TryDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s.Length > 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    private static DateOnly Date(string s)
    {
        TryDate(s, out var d);
        return d;
    }
}

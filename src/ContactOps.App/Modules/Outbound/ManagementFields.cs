using ContactOps.Platform.Localization;
using System.Globalization;
using System.Text.Json;

namespace ContactOps.Modules.Outbound;

/// <summary>One lead of the daily management report: its state at the end of the report's date.</summary>
public sealed record ManagementRow(
    string Base, string DocumentType, string Document, string FullName, string? Phone1, string? Phone2, string? Segment,
    int Attempts, DateTimeOffset? FirstAttemptAt, DateTimeOffset? LastAttemptAt, string? LastDispositionCode, string? LastDispositionName,
    string? LastResult, string Status, string AttributesJson);

/// <summary>
/// The fields a carrier layout may use. Fixed fields have a stable code; a carrier column of the base is
/// <c>attr:&lt;name&gt;</c>, and <c>attr:*</c> expands to every carrier column of the bases in the report (header = column name).
/// </summary>
public static class ManagementFields
{
    public const string AllAttributes = "attr:*";
    public const string AttributePrefix = "attr:";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Fixed fields: code → default header (Spanish, the carrier's usual wording).</summary>
    public static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["base"] = "BASE",
        ["document_type"] = "TIPO_DOCUMENTO",
        ["document"] = "DOCUMENTO",
        ["full_name"] = "NOMBRE",
        ["phone1"] = "TELEFONO_1",
        ["phone2"] = "TELEFONO_2",
        ["segment"] = "SEGMENTO",
        ["attempts"] = "INTENTOS",
        ["first_attempt"] = "PRIMER_INTENTO",
        ["last_attempt"] = "ULTIMO_INTENTO",
        ["last_disposition_code"] = "ULTIMA_TIPIFICACION",
        ["last_disposition_name"] = "DESCRIPCION_TIPIFICACION",
        ["last_result"] = "RESULTADO_ULTIMA_LLAMADA",
        ["status"] = "ESTADO",
    };

    public static IReadOnlyList<ManagementColumn> DefaultLayout { get; } =
    [
        new("document_type", "TIPO_DOCUMENTO"), new("document", "DOCUMENTO"), new("full_name", "NOMBRE"), new("phone1", "TELEFONO_1"),
        new("base", "BASE"), new("attempts", "INTENTOS"), new("last_attempt", "ULTIMO_INTENTO"), new("last_disposition_code", "ULTIMA_TIPIFICACION"),
        new("last_disposition_name", "DESCRIPCION_TIPIFICACION"), new("status", "ESTADO"), new(AllAttributes, ""),
    ];

    /// <summary>Checks a layout: known fields, non-empty unique headers (after expansion), at least one column. Null when valid.</summary>
    public static string? Validate(IReadOnlyList<ManagementColumn> columns)
    {
        if (columns.Count == 0)
        {
            return Messages.Text("Field.ManagementFields.none");
        }

        if (columns.Count > 200)
        {
            return Messages.Text("Field.ManagementFields.too_many");
        }

        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var field = c.Field?.Trim() ?? "";
            var position = i + 1;
            if (field == AllAttributes)
            {
                continue;
            }

            if (!Fixed.ContainsKey(field) && !(field.StartsWith(AttributePrefix, StringComparison.Ordinal) && field.Length > AttributePrefix.Length))
            {
                return Messages.Text("Field.ManagementFields.field_unknown", position, field);
            }

            var header = c.Header?.Trim() ?? "";
            if (header.Length == 0 || header.Length > 100)
            {
                return Messages.Text("Field.ManagementFields.header_missing", position);
            }

            if (!headers.Add(header))
            {
                return Messages.Text("Field.ManagementFields.header_repeated", position, header);
            }
        }

        return null;
    }

    /// <summary>The layout with <c>attr:*</c> replaced by the carrier columns not already placed, header = the column's name.</summary>
    public static IReadOnlyList<ManagementColumn> Expand(IReadOnlyList<ManagementColumn> columns, IEnumerable<string> attributeNames)
    {
        var placed = columns.Where(c => c.Field.StartsWith(AttributePrefix, StringComparison.Ordinal) && c.Field != AllAttributes)
            .Select(c => c.Field[AttributePrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var headers = columns.Where(c => c.Field != AllAttributes).Select(c => c.Header).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new List<ManagementColumn>();
        foreach (var c in columns)
        {
            if (c.Field != AllAttributes)
            {
                result.Add(c);
                continue;
            }

            foreach (var name in attributeNames.Where(n => !placed.Contains(n)))
            {
                var header = name.ToUpperInvariant();
                while (!headers.Add(header))
                {
                    header += "_";
                }

                result.Add(new ManagementColumn(AttributePrefix + name, header));
            }
        }

        return result;
    }

    /// <summary>The text of a field for a row (local times in the client's zone, "yyyy-MM-dd HH:mm:ss").</summary>
    public static string Text(ManagementRow row, string field, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? attributes)
    {
        ArgumentNullException.ThrowIfNull(row);
        return field switch
        {
            "base" => row.Base,
            "document_type" => row.DocumentType,
            "document" => row.Document,
            "full_name" => row.FullName,
            "phone1" => row.Phone1 ?? "",
            "phone2" => row.Phone2 ?? "",
            "segment" => row.Segment ?? "",
            "attempts" => row.Attempts.ToString(CultureInfo.InvariantCulture),
            "first_attempt" => Local(row.FirstAttemptAt, zone),
            "last_attempt" => Local(row.LastAttemptAt, zone),
            "last_disposition_code" => row.LastDispositionCode ?? "",
            "last_disposition_name" => row.LastDispositionName ?? "",
            "last_result" => row.LastResult ?? "",
            "status" => row.Status,
            _ when field.StartsWith(AttributePrefix, StringComparison.Ordinal) => attributes?.GetValueOrDefault(field[AttributePrefix.Length..]) ?? "",
            _ => "",
        };
    }

    /// <summary>The lead's carrier columns (values as text).</summary>
    public static Dictionary<string, string> Attributes(string json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json) || json == "{}")
        {
            return result;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => p.Value.GetRawText(),
            };
        }

        return result;
    }

    private static string Local(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Files;

namespace ContactOps.Modules.Outbound;

/// <summary>A carrier column kept as an attribute of the leads: its column, JSON key, inferred kind and label (the file's header).</summary>
public sealed record LeadAttributeColumn(int Index, string Key, LeadAttributeKind Kind, string? Label = null);

/// <summary>One accepted row of a lead file (reused between rows: the parser fills it).</summary>
public sealed class LeadRow
{
    public long Line { get; set; }

    public string DocumentType { get; set; } = "";

    public string Document { get; set; } = "";

    public string FullName { get; set; } = "";

    public string? TimeZoneId { get; set; }

    public string AttributesJson { get; set; } = "{}";

    public List<string> Phones { get; } = new(4);
}

/// <summary>
/// Validates and normalises the rows of a lead file: document (customers' rules), phones (at least one valid; invalid
/// extra phones are dropped), name, lead time zone and the carrier's columns as typed attributes.
/// </summary>
public sealed class LeadRowParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm:ss"];
    private readonly ColumnMap _map;
    private readonly Country _country;
    private readonly string? _areaCode;
    private readonly string _defaultType;
    private readonly int _documentType;
    private readonly int _document;
    private readonly int _fullName;
    private readonly int _lastNames;
    private readonly int _timeZone;
    private readonly IReadOnlyList<int> _phones;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _writer;

    public LeadRowParser(ColumnMap map, Country country, string? defaultAreaCode, IReadOnlyList<LeadAttributeColumn> attributes)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        _country = country;
        _areaCode = defaultAreaCode;
        _defaultType = country == Country.BO ? "CI" : "CC";
        _documentType = map.IndexOf(LeadFileColumns.DocumentType);
        _document = map.IndexOf(LeadFileColumns.Document);
        _fullName = map.IndexOf(LeadFileColumns.FullName);
        _lastNames = map.IndexOf(LeadFileColumns.LastNames);
        _timeZone = map.IndexOf(LeadFileColumns.TimeZone);
        _phones = map.IndexesOf(LeadFileColumns.Phones);
        Attributes = attributes;
        _writer = new Utf8JsonWriter(_json);
    }

    public IReadOnlyList<LeadAttributeColumn> Attributes { get; }

    public int PhoneSlots => _phones.Count;

    /// <summary>Fills <paramref name="row"/> from the reader's current record, or answers why the row is rejected.</summary>
    public RejectedRow? Parse(ITabularReader reader, LeadRow row)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        if (RejectedRow.FromRowError(reader) is { } malformed)
        {
            return malformed;
        }

        var line = reader.LineNumber;
        var type = _documentType < 0 ? "" : reader.GetField(_documentType);
        var document = ContactValues.NormalizeDocument(string.IsNullOrWhiteSpace(type) ? _defaultType : type, reader.GetField(_document), _country);
        if (!document.IsSuccess)
        {
            return new RejectedRow(line, document.Error!.Message, LeadFileColumns.Document);
        }

        row.Phones.Clear();
        foreach (var index in _phones)
        {
            var raw = reader.GetField(index);
            if (!string.IsNullOrWhiteSpace(raw) && ContactValues.TryNormalizePhone(raw, _country, _areaCode, out var e164) && !row.Phones.Contains(e164))
            {
                row.Phones.Add(e164);
            }
        }

        if (row.Phones.Count == 0)
        {
            return new RejectedRow(line, "Sin teléfono válido: la fila no trae ningún número que se pueda marcar.", LeadFileColumns.Phones);
        }

        row.Line = line;
        row.DocumentType = document.Value!.Type;
        row.Document = document.Value.Number;
        var name = _fullName < 0 ? "" : reader.GetField(_fullName).Trim();
        if (_lastNames >= 0 && reader.GetField(_lastNames).Trim() is { Length: > 0 } last)
        {
            name = name.Length == 0 ? last : name + " " + last;
        }

        row.FullName = name.Length > 200 ? name[..200] : name;
        row.TimeZoneId = _timeZone >= 0 && reader.GetField(_timeZone).Trim() is { Length: > 0 } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;
        row.AttributesJson = Attributes.Count == 0 ? "{}" : AttributesOf(reader);
        return null;
    }

    private string AttributesOf(ITabularReader reader)
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        foreach (var column in Attributes)
        {
            var value = reader.GetField(column.Index).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            switch (column.Kind)
            {
                case LeadAttributeKind.Number when TryNumber(value, out var number):
                    _writer.WriteNumber(column.Key, number);
                    break;
                case LeadAttributeKind.Date when TryDate(value, out var date):
                    _writer.WriteString(column.Key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                default:
                    _writer.WriteString(column.Key, value);
                    break;
            }
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    /// <summary>Reads a number as the carriers write it: invariant (1234.5), Colombian (1.234,5) or plain thousands (1,234).</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).TrimStart('$');
        var comma = s.LastIndexOf(',');
        var dot = s.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
        {
            s = comma > dot ? s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            s = s.Count(c => c == ',') == 1 && s.Length - comma - 1 != 3 ? s.Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryDate(string text, out DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            value = DateOnly.FromDateTime(at);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The kinds of the carrier columns, from a first pass over the file: Number when every non-empty value is a
    /// number, else Date when every one is a date, else Text (a column with no value at all is Text).
    /// </summary>
    public static IReadOnlyList<LeadAttributeColumn> InferAttributes(ITabularReader reader, ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(map);
        var columns = map.Attributes.Where(a => LeadFileColumns.AttributeKey(a.Header).Length > 0).ToList();
        var number = Enumerable.Repeat(true, columns.Count).ToArray();
        var date = Enumerable.Repeat(true, columns.Count).ToArray();
        var any = new bool[columns.Count];
        while (reader.Read())
        {
            if (reader.RowError is not null)
            {
                continue;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                if (!number[i] && !date[i])
                {
                    continue;
                }

                var value = reader.GetField(columns[i].Index);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                any[i] = true;
                number[i] = number[i] && TryNumber(value, out _);
                date[i] = date[i] && TryDate(value, out _);
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<LeadAttributeColumn>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var key = LeadFileColumns.AttributeKey(columns[i].Header);
            if (!keys.Add(key))
            {
                continue;
            }

            var kind = !any[i] ? LeadAttributeKind.Text : number[i] ? LeadAttributeKind.Number : date[i] ? LeadAttributeKind.Date : LeadAttributeKind.Text;
            result.Add(new LeadAttributeColumn(columns[i].Index, key, kind, columns[i].Header.Trim()));
        }

        return result;
    }
}

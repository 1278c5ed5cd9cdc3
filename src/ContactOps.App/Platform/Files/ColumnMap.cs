namespace ContactOps.Platform.Files;

/// <summary>A column of a file: its header text and 0-based index.</summary>
public readonly record struct TabularColumn(string Header, int Index);

/// <summary>
/// A column that was not used because another one already holds the same field (<paramref name="Field"/>) or,
/// for attributes (<paramref name="Field"/> null), the same normalised header. <paramref name="KeptIndex"/> is the column used instead.
/// </summary>
public sealed record DuplicateColumn(string? Field, string Header, int Index, int KeptIndex);

/// <summary>A header named in the saved mapping for <paramref name="Field"/> that the file does not have.</summary>
public sealed record MissingSavedColumn(string Field, string Header);

/// <summary>Which columns of a file hold which fields; made by <see cref="ColumnRecognizer.Recognize"/>.</summary>
public sealed class ColumnMap
{
    private static readonly IReadOnlyList<int> None = [];

    internal ColumnMap(
        IReadOnlyList<string> headers,
        IReadOnlyDictionary<string, IReadOnlyList<int>> fields,
        IReadOnlyList<TabularColumn> attributes,
        IReadOnlyList<DuplicateColumn> duplicates,
        IReadOnlyList<MissingSavedColumn> missingSavedColumns)
    {
        Headers = headers;
        Fields = fields;
        Attributes = attributes;
        Duplicates = duplicates;
        MissingSavedColumns = missingSavedColumns;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Field → column indexes (one for a single-valued field; several, in order, for a multi-valued one).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Fields { get; }

    /// <summary>Columns that are no field, kept as free attributes (header text, index).</summary>
    public IReadOnlyList<TabularColumn> Attributes { get; }

    public IReadOnlyList<DuplicateColumn> Duplicates { get; }

    public IReadOnlyList<MissingSavedColumn> MissingSavedColumns { get; }

    public bool Has(string field) => Fields.ContainsKey(field);

    /// <summary>The (first) column of <paramref name="field"/>, or -1.</summary>
    public int IndexOf(string field) => Fields.TryGetValue(field, out var indexes) ? indexes[0] : -1;

    public IReadOnlyList<int> IndexesOf(string field) => Fields.TryGetValue(field, out var indexes) ? indexes : None;

    /// <summary>The fields of <paramref name="required"/> that no column holds.</summary>
    public IReadOnlyList<string> MissingFields(IEnumerable<string> required) => required.Where(f => !Has(f)).ToList();

    /// <summary>The current record's value of <paramref name="field"/> (its first column); empty when the field is not mapped.</summary>
    public string Get(ITabularReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var index = IndexOf(field);
        return index < 0 ? string.Empty : reader.GetField(index);
    }

    /// <summary>The current record's non-empty values of a multi-valued <paramref name="field"/>, in column order.</summary>
    public IReadOnlyList<string> GetAll(ITabularReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var indexes = IndexesOf(field);
        var values = new List<string>(indexes.Count);
        foreach (var index in indexes)
        {
            var value = reader.GetField(index);
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>This map as a saved mapping (field → header text; several headers joined with <c>|</c>), to persist what the user confirmed.</summary>
    public IReadOnlyDictionary<string, string> ToSavedMapping() =>
        Fields.ToDictionary(p => p.Key, p => string.Join('|', p.Value.Select(i => Headers[i])), StringComparer.Ordinal);
}

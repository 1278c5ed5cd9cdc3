using System.Globalization;

namespace ContactOps.Platform.Files;

/// <summary>
/// Recognises which column holds which field of an import, the same way for every import: by normalised
/// header (see <see cref="HeaderNormalizer"/>) against each field's aliases, with a mapping saved per
/// operation and file kind taking precedence.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Saved mapping (field → header text as configured): wins over aliases. An empty header text means
/// "this field is not in the file" (no alias is tried for it). For a multi-valued field several headers may be
/// saved separated by <c>|</c>. A saved header not found in the file is listed in <see cref="ColumnMap.MissingSavedColumns"/>
/// and, when none of the field's saved headers is found, the field falls back to its aliases.</item>
/// <item>Aliases (the field name itself counts as one): a header equal to an alias maps to that field. For a
/// multi-valued field (e.g. <c>phones</c> with aliases <c>telefono</c>, <c>celular</c>, <c>movil</c>) every match is
/// kept, including numbered headers (<c>Teléfono 1</c>, <c>telefono_2</c>, <c>Celular2</c>), in column order.
/// For a single-valued field the first match wins and the others are listed in <see cref="ColumnMap.Duplicates"/>.</item>
/// <item>Every other column with a non-empty header is kept in <see cref="ColumnMap.Attributes"/> (free customer
/// attributes); two attribute columns with the same normalised header are also listed as duplicates.</item>
/// </list>
/// </remarks>
public static class ColumnRecognizer
{
    private static readonly char[] Digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

    /// <param name="headers">The file's headers (<see cref="ITabularReader.Headers"/>).</param>
    /// <param name="fieldAliases">Field name → accepted header texts (compared normalised).</param>
    /// <param name="savedMapping">Field name → header text saved for this operation and file kind.</param>
    /// <param name="multiValuedFields">Fields that collect every matching column (e.g. <c>phones</c>).</param>
    /// <exception cref="ArgumentException">Two fields share an alias (a configuration bug).</exception>
    public static ColumnMap Recognize(
        IReadOnlyList<string> headers,
        IReadOnlyDictionary<string, string[]> fieldAliases,
        IReadOnlyDictionary<string, string>? savedMapping = null,
        IReadOnlyCollection<string>? multiValuedFields = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(fieldAliases);

        var multi = new HashSet<string>(multiValuedFields ?? [], StringComparer.Ordinal);
        var keys = headers.Select(HeaderNormalizer.Normalize).ToArray();
        var claimed = new bool[headers.Count];
        var fields = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var duplicates = new List<DuplicateColumn>();
        var missing = new List<MissingSavedColumn>();
        var savedFields = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (field, headerText) in savedMapping ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(headerText))
            {
                savedFields.Add(field);
                continue;
            }

            var parts = multi.Contains(field)
                ? headerText.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [headerText.Trim()];
            foreach (var part in parts)
            {
                var index = FindUnclaimed(keys, claimed, HeaderNormalizer.Normalize(part));
                if (index < 0)
                {
                    missing.Add(new MissingSavedColumn(field, part));
                    continue;
                }

                claimed[index] = true;
                savedFields.Add(field);
                Add(fields, field, index);
                if (!multi.Contains(field))
                {
                    break;
                }
            }
        }

        var aliasToField = BuildAliasIndex(fieldAliases);
        for (var i = 0; i < headers.Count; i++)
        {
            if (claimed[i] || keys[i].Length == 0)
            {
                continue;
            }

            if (!aliasToField.TryGetValue(keys[i], out var field))
            {
                var stem = keys[i].TrimEnd(Digits);
                if (stem.Length == keys[i].Length || !aliasToField.TryGetValue(stem, out field) || !multi.Contains(field))
                {
                    continue;
                }
            }

            if (savedFields.Contains(field))
            {
                continue; // the saved mapping decides this field; this column stays an attribute
            }

            claimed[i] = true;
            if (!multi.Contains(field) && fields.TryGetValue(field, out var kept))
            {
                duplicates.Add(new DuplicateColumn(field, headers[i], i, kept[0]));
                continue;
            }

            Add(fields, field, i);
        }

        var attributes = new List<TabularColumn>();
        var attributeKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (claimed[i] || keys[i].Length == 0)
            {
                continue;
            }

            if (attributeKeys.TryGetValue(keys[i], out var first))
            {
                duplicates.Add(new DuplicateColumn(null, headers[i], i, first));
                continue;
            }

            attributeKeys[keys[i]] = i;
            attributes.Add(new TabularColumn(headers[i].Trim(), i));
        }

        return new ColumnMap(
            headers,
            fields.ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value.AsReadOnly(), StringComparer.Ordinal),
            attributes,
            duplicates,
            missing);
    }

    private static Dictionary<string, string> BuildAliasIndex(IReadOnlyDictionary<string, string[]> fieldAliases)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, aliases) in fieldAliases)
        {
            foreach (var alias in aliases.Append(field))
            {
                var key = HeaderNormalizer.Normalize(alias);
                if (key.Length == 0)
                {
                    continue;
                }

                if (index.TryGetValue(key, out var other) && other != field)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "Alias '{0}' is used by both '{1}' and '{2}'.", alias, other, field),
                        nameof(fieldAliases));
                }

                index[key] = field;
            }
        }

        return index;
    }

    private static int FindUnclaimed(string[] keys, bool[] claimed, string key)
    {
        if (key.Length == 0)
        {
            return -1;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (!claimed[i] && keys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Add(Dictionary<string, List<int>> fields, string field, int index)
    {
        if (!fields.TryGetValue(field, out var list))
        {
            fields[field] = list = [];
        }

        list.Add(index);
    }
}

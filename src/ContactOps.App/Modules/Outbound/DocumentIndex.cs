using System.Globalization;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// The documents seen so far: numeric document numbers (the vast majority) are kept as one 64-bit key (number × 16 +
/// type), others as text; exact either way, and about 40 bytes per document so a million stays small.
/// </summary>
internal sealed class DocumentIndex(int capacity)
{
    private readonly Dictionary<long, Guid> _numeric = new(capacity);
    private readonly Dictionary<string, Guid> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);

    public bool TryGet(string type, string number, out Guid leadId) =>
        Key(type, number, out var key, out var text) ? _numeric.TryGetValue(key, out leadId) : _text.TryGetValue(text!, out leadId);

    public void Add(string type, string number, Guid leadId) => TryAdd(type, number, leadId);

    public void TryAdd(string type, string number, Guid leadId)
    {
        if (Key(type, number, out var key, out var text))
        {
            _numeric.TryAdd(key, leadId);
        }
        else
        {
            _text.TryAdd(text!, leadId);
        }
    }

    private bool Key(string type, string number, out long key, out string? text)
    {
        key = 0;
        text = null;
        if (!_types.TryGetValue(type, out var ordinal))
        {
            ordinal = _types.Count;
            if (ordinal < 16)
            {
                _types[type] = ordinal;
            }
        }

        if (ordinal < 16 && number.Length is > 0 and <= 17 && number.All(char.IsAsciiDigit))
        {
            key = (long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture) * 16) + ordinal;
            return true;
        }

        text = type + ":" + number;
        return false;
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ContactOps.Modules.Sales.Features;

namespace ContactOps.Modules.Sales;

/// <summary>Values of one row compared when two rows share a key (presence flags say which the carrier's file has).</summary>
[StructLayout(LayoutKind.Auto)]
public struct SheetValues
{
    public long MonthlyCents;
    public long OneOffCents;
    public int Quantity;

    /// <summary>(int)<see cref="SaleState"/>; -1 not given; -2 given but not recognised.</summary>
    public int State;

    public bool HasMonthly;
    public bool HasOneOff;
    public bool HasQuantity;

    public static long Cents(decimal value) => (long)Math.Round(value * 100m, MidpointRounding.AwayFromZero);
}

/// <summary>A result row of the matcher (see <see cref="ReconciliationItem"/>).</summary>
public readonly record struct MatchItem(ReconciliationCategory Category, string Key, Guid? SaleId, long? CarrierLine, bool DuplicateKey, string? Differences);

/// <summary>
/// Hash join of the carrier's sheet (build side, held in compact arrays) with our sales (probe side, streamed).
/// Keys are hashed to 64 bits (FNV-1a over the normalised key's chars); every hit is confirmed against the key's
/// text kept in one char arena, so a hash collision never merges two keys. Rows of a key repeated on one side are
/// paired in order of arrival (first with first); what is left over is missing or carrier-only, and every row of
/// a repeated key is flagged <see cref="MatchItem.DuplicateKey"/> — repeated keys are reported, never collapsed.
/// </summary>
/// <remarks>Memory: about 70 bytes per carrier row plus the key's chars; our rows are not kept unless missing.</remarks>
public sealed class ReconciliationMatcher
{
    private readonly Dictionary<ulong, int> _carrierByHash;
    private readonly Dictionary<ulong, int> _oursOnlyByHash = [];
    private readonly Dictionary<int, string> _differences = [];
    private readonly List<(Guid SaleId, int Head)> _surplusOurs = [];

    // Carrier rows (build side).
    private char[] _arena;
    private int _arenaUsed;
    private int _count;
    private int[] _keyOffset;
    private int[] _keyLength;
    private int[] _line;
    private SheetValues[] _values;
    private Guid[] _pairedSale;
    private int[] _head;          // the key group's first row
    private int[] _nextGroup;     // next group head with the same hash (on heads)
    private int[] _nextInGroup;   // next row of the same key
    private int[] _groupTail;     // last row of the group (on heads)
    private int[] _carrierCount;  // rows of the key in the carrier's file (on heads)
    private int[] _ourCount;      // our rows of the key (on heads)

    // Our rows with a key the carrier does not have.
    private readonly List<OurOnly> _oursOnly = [];
    private readonly StringBuilder _oursOnlyKeys = new();

    private long _ours;
    private long _matched;
    private long _mismatched;

    public ReconciliationMatcher(int expectedCarrierRows = 1024)
    {
        var capacity = Math.Max(16, expectedCarrierRows);
        _carrierByHash = new Dictionary<ulong, int>(capacity);
        _arena = new char[capacity * 24];
        _keyOffset = new int[capacity];
        _keyLength = new int[capacity];
        _line = new int[capacity];
        _values = new SheetValues[capacity];
        _pairedSale = new Guid[capacity];
        _head = new int[capacity];
        _nextGroup = new int[capacity];
        _nextInGroup = new int[capacity];
        _groupTail = new int[capacity];
        _carrierCount = new int[capacity];
        _ourCount = new int[capacity];
    }

    public long CarrierRows => _count;

    public long OurRows => _ours;

    /// <summary>64-bit FNV-1a of the key's chars.</summary>
    public static ulong Hash(ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash ^ (hash >> 29);
    }

    /// <summary>Adds a row of the carrier's sheet (build phase; call before any <see cref="AddOurs"/>).</summary>
    public void AddCarrier(ReadOnlySpan<char> key, long line, in SheetValues values)
    {
        if (_ours > 0)
        {
            throw new InvalidOperationException("Carrier rows go in before ours.");
        }

        var row = _count;
        if (row == _line.Length)
        {
            Grow();
        }

        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaUsed));
        _keyOffset[row] = _arenaUsed;
        _keyLength[row] = key.Length;
        _arenaUsed += key.Length;
        _line[row] = checked((int)line);
        _values[row] = values;
        _nextInGroup[row] = -1;
        _count++;

        var hash = Hash(key);
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_carrierByHash, hash, out var exists);
        if (!exists)
        {
            first = row;
            StartGroup(row, -1);
            return;
        }

        var group = FindGroup(first, key);
        if (group < 0)
        {
            StartGroup(row, first);
            first = row;
            return;
        }

        _head[row] = group;
        _nextInGroup[_groupTail[group]] = row;
        _groupTail[group] = row;
        _carrierCount[group]++;
    }

    /// <summary>Adds one of our rows (probe phase): pairs it with the first unpaired carrier row of its key, if any.</summary>
    public void AddOurs(ReadOnlySpan<char> key, Guid saleId, in SheetValues ours)
    {
        _ours++;
        var hash = Hash(key);
        if (_carrierByHash.TryGetValue(hash, out var first) && FindGroup(first, key) is var group and >= 0)
        {
            _ourCount[group]++;
            for (var row = group; row >= 0; row = _nextInGroup[row])
            {
                if (_pairedSale[row] == Guid.Empty)
                {
                    _pairedSale[row] = saleId;
                    var differences = Compare(ours, _values[row]);
                    if (differences is null)
                    {
                        _matched++;
                    }
                    else
                    {
                        _mismatched++;
                        _differences[row] = differences;
                    }

                    return;
                }
            }

            _surplusOurs.Add((saleId, group));
            return;
        }

        ref var ourFirst = ref CollectionsMarshal.GetValueRefOrAddDefault(_oursOnlyByHash, hash, out var exists);
        var index = _oursOnly.Count;
        if (exists)
        {
            for (var g = ourFirst; g >= 0; g = _oursOnly[g].NextGroup)
            {
                var candidate = _oursOnly[g];
                if (key.SequenceEqual(_oursOnlyKeys.ToString(candidate.KeyOffset, candidate.KeyLength)))
                {
                    _oursOnly.Add(new OurOnly(saleId, candidate.KeyOffset, candidate.KeyLength, g, -1));
                    CollectionsMarshal.AsSpan(_oursOnly)[g].Count++;
                    return;
                }
            }
        }

        var offset = _oursOnlyKeys.Length;
        _oursOnlyKeys.Append(key);
        _oursOnly.Add(new OurOnly(saleId, offset, key.Length, index, exists ? ourFirst : -1) { Count = 1 });
        ourFirst = index;
    }

    /// <summary>The counts so far (final once every row went in).</summary>
    public ReconciliationCounts Counts()
    {
        long carrierOnly = 0, duplicateCarrier = 0, duplicateOurs = 0;
        for (var row = 0; row < _count; row++)
        {
            if (_pairedSale[row] == Guid.Empty)
            {
                carrierOnly++;
            }

            var head = _head[row];
            if (_carrierCount[head] > 1)
            {
                duplicateCarrier++;
            }

            if (head == row && _ourCount[row] > 1)
            {
                duplicateOurs += _ourCount[row];
            }
        }

        foreach (var row in _oursOnly)
        {
            if (_oursOnly[row.Head].Count > 1)
            {
                duplicateOurs++;
            }
        }

        return new ReconciliationCounts(_ours, _count, _matched, _surplusOurs.Count + _oursOnly.Count, carrierOnly, _mismatched, duplicateOurs, duplicateCarrier);
    }

    /// <summary>Every row that is not a plain match (and the matches of repeated keys), carrier rows first in file order.</summary>
    public IEnumerable<MatchItem> Items()
    {
        for (var row = 0; row < _count; row++)
        {
            var head = _head[row];
            var duplicate = _carrierCount[head] > 1 || _ourCount[head] > 1;
            var paired = _pairedSale[row] != Guid.Empty;
            if (paired && _differences.TryGetValue(row, out var differences))
            {
                yield return new MatchItem(ReconciliationCategory.Mismatched, KeyOf(row), _pairedSale[row], _line[row], duplicate, differences);
            }
            else if (paired && duplicate)
            {
                yield return new MatchItem(ReconciliationCategory.Matched, KeyOf(row), _pairedSale[row], _line[row], true, null);
            }
            else if (!paired)
            {
                yield return new MatchItem(ReconciliationCategory.CarrierOnly, KeyOf(row), null, _line[row], duplicate, null);
            }
        }

        foreach (var (saleId, head) in _surplusOurs)
        {
            yield return new MatchItem(ReconciliationCategory.MissingAtCarrier, KeyOf(head), saleId, null, true, null);
        }

        foreach (var row in _oursOnly)
        {
            yield return new MatchItem(
                ReconciliationCategory.MissingAtCarrier, _oursOnlyKeys.ToString(row.KeyOffset, row.KeyLength), row.SaleId, null, _oursOnly[row.Head].Count > 1, null);
        }
    }

    private string KeyOf(int row) => new(_arena, _keyOffset[row], _keyLength[row]);

    private int FindGroup(int first, ReadOnlySpan<char> key)
    {
        for (var g = first; g >= 0; g = _nextGroup[g])
        {
            if (key.SequenceEqual(_arena.AsSpan(_keyOffset[g], _keyLength[g])))
            {
                return g;
            }
        }

        return -1;
    }

    private void StartGroup(int row, int nextGroup)
    {
        _head[row] = row;
        _nextGroup[row] = nextGroup;
        _groupTail[row] = row;
        _carrierCount[row] = 1;
    }

    private void Grow()
    {
        var size = _line.Length * 2;
        Array.Resize(ref _keyOffset, size);
        Array.Resize(ref _keyLength, size);
        Array.Resize(ref _line, size);
        Array.Resize(ref _values, size);
        Array.Resize(ref _pairedSale, size);
        Array.Resize(ref _head, size);
        Array.Resize(ref _nextGroup, size);
        Array.Resize(ref _nextInGroup, size);
        Array.Resize(ref _groupTail, size);
        Array.Resize(ref _carrierCount, size);
        Array.Resize(ref _ourCount, size);
    }

    /// <summary>The differing fields ("campo: nuestro X / operador Y; …"), or null when every field the carrier gives agrees.</summary>
    private static string? Compare(in SheetValues ours, in SheetValues carrier)
    {
        StringBuilder? text = null;
        void Add(string field, string our, string their)
        {
            text ??= new StringBuilder();
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(field).Append(": nuestro ").Append(our).Append(" / operador ").Append(their);
        }

        static string Money(long cents) => (cents / 100m).ToString("0.##", CultureInfo.InvariantCulture);

        if (carrier.HasMonthly && carrier.MonthlyCents != ours.MonthlyCents)
        {
            Add(SalesSheetColumns.MonthlyValue, Money(ours.MonthlyCents), Money(carrier.MonthlyCents));
        }

        if (carrier.HasOneOff && carrier.OneOffCents != ours.OneOffCents)
        {
            Add(SalesSheetColumns.OneOffValue, Money(ours.OneOffCents), Money(carrier.OneOffCents));
        }

        if (carrier.HasQuantity && carrier.Quantity != ours.Quantity)
        {
            Add(SalesSheetColumns.Quantity, ours.Quantity.ToString(CultureInfo.InvariantCulture), carrier.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        if (carrier.State != -1 && carrier.State != ours.State)
        {
            Add(SalesSheetColumns.State, StateText(ours.State), StateText(carrier.State));
        }

        return text?.ToString();
    }

    private static string StateText(int state) => state >= 0 ? SalesSheetColumns.StateName((SaleState)state) : "(no reconocido)";

    [StructLayout(LayoutKind.Auto)]
    private struct OurOnly(Guid saleId, int keyOffset, int keyLength, int head, int nextGroup)
    {
        public Guid SaleId = saleId;
        public int KeyOffset = keyOffset;
        public int KeyLength = keyLength;
        public int Head = head;
        public int NextGroup = nextGroup;
        public int Count;
    }
}

using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Sales;

/// <summary>A part of the key rows are matched on.</summary>
public enum KeyPart
{
    /// <summary>Account number, or the line number when there is no account (normalised, international prefix dropped).</summary>
    AccountOrLine,

    /// <summary>The product's tariff code (letters and digits only, upper case).</summary>
    Product,

    /// <summary>The sale date: our sale's instant as a local date in the client's time zone.</summary>
    SaleDate,

    Document,

    CallId,
}

/// <summary>
/// The configurable matching key (default <c>cuenta_o_linea+producto+fecha_venta</c>) and how a row's parts are
/// written into one normalised text (<c>8001234567|TVHD01|20261102</c>) without allocating.
/// </summary>
public sealed class ReconciliationKey
{
    public const int MaxLength = 256;

    private static readonly Dictionary<string, KeyPart> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cuenta_o_linea"] = KeyPart.AccountOrLine,
        ["producto"] = KeyPart.Product,
        ["fecha_venta"] = KeyPart.SaleDate,
        ["documento"] = KeyPart.Document,
        ["id_llamada"] = KeyPart.CallId,
    };

    private ReconciliationKey(IReadOnlyList<KeyPart> parts) => Parts = parts;

    public static ReconciliationKey Default { get; } = new([KeyPart.AccountOrLine, KeyPart.Product, KeyPart.SaleDate]);

    public IReadOnlyList<KeyPart> Parts { get; }

    public bool Has(KeyPart part) => Parts.Contains(part);

    /// <summary><c>cuenta_o_linea+producto+fecha_venta</c>.</summary>
    public override string ToString() => string.Join('+', Parts.Select(p => Names.First(n => n.Value == p).Key));

    /// <summary>Parses <c>cuenta_o_linea,producto,fecha_venta</c> (comma or plus separated); null or blank → the default.</summary>
    public static Result<ReconciliationKey> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var parts = new List<KeyPart>();
        foreach (var name in text.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Names.TryGetValue(name, out var part))
            {
                return Error.Invalid("key", "reconcile.key_unknown", name, string.Join(", ", Names.Keys));
            }

            if (!parts.Contains(part))
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? Default : new ReconciliationKey(parts);
    }

    /// <summary>Writes the key of a row into <paramref name="destination"/>; answers its length.</summary>
    public int Write(Span<char> destination, ReadOnlySpan<char> accountOrLine, ReadOnlySpan<char> product, DateOnly date, ReadOnlySpan<char> document, ReadOnlySpan<char> callId)
    {
        var n = 0;
        for (var i = 0; i < Parts.Count; i++)
        {
            if (i > 0)
            {
                destination[n++] = '|';
            }

            var rest = destination[n..(MaxLength - (Parts.Count - i - 1))];
            n += Parts[i] switch
            {
                KeyPart.AccountOrLine => SalesSheetColumns.NormalizeNumber(accountOrLine, rest),
                KeyPart.Product => SalesSheetColumns.NormalizeCode(product, rest),
                KeyPart.SaleDate => WriteDate(date, rest),
                KeyPart.Document => SalesSheetColumns.NormalizeNumber(document, rest),
                _ => SalesSheetColumns.NormalizeCode(callId, rest),
            };
        }

        return n;
    }

    private static int WriteDate(DateOnly date, Span<char> destination)
    {
        date.TryFormat(destination, out var written, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }
}

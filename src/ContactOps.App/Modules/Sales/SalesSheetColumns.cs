using System.Globalization;
using ContactOps.Platform.Files;

namespace ContactOps.Modules.Sales;

/// <summary>
/// Columns of a sales sheet (ours, exported and imported, and the carrier's, reconciled) and the Spanish/English headers
/// recognised for each (compared normalised, see <see cref="HeaderNormalizer"/>). Columns no field claims are ignored.
/// </summary>
public static class SalesSheetColumns
{
    /// <summary>File kind of saved mappings for <c>import sales</c>.</summary>
    public const string FileKind = "sales";

    /// <summary>File kind of saved mappings for the carrier's sheet (<c>reconcile sales</c>).</summary>
    public const string CarrierFileKind = "carrier-sales";

    public const string Document = "documento";
    public const string SaleType = "tipo_venta";
    public const string Product = "producto";
    public const string Quantity = "cantidad";
    public const string MonthlyValue = "valor_mensual";
    public const string OneOffValue = "valor_unico";
    public const string SaleDate = "fecha_venta";
    public const string Seller = "asesor";
    public const string CallId = "id_llamada";
    public const string Extension = "extension";
    public const string Account = "cuenta";
    public const string Line = "linea";
    public const string State = "estado";

    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Document] = ["cedula", "identificacion", "numero documento", "nro documento", "documento cliente", "nit", "ci", "document"],
        [SaleType] = ["tipo venta", "tipo de venta", "tipo", "clase venta", "sale type", "kind"],
        [Product] = ["codigo tarifa", "codigo_tarifa", "tarifa", "codigo producto", "cod producto", "plan", "product", "tariff code"],
        [Quantity] = ["cant", "unidades", "quantity", "qty"],
        [MonthlyValue] = ["valor mensual", "cargo fijo", "cargo basico", "valor", "monthly value", "mrc"],
        [OneOffValue] = ["valor unico", "cargo unico", "valor instalacion", "one off value", "otc"],
        [SaleDate] = ["fecha venta", "fecha de venta", "fecha", "sale date", "date"],
        [Seller] = ["login", "asesor login", "usuario", "vendedor", "agente", "seller", "agent"],
        [CallId] = ["id llamada", "idllamada", "call id", "llamada"],
        [Extension] = ["ext", "extension asesor"],
        [Account] = ["numero cuenta", "cuenta hogar", "contrato", "account", "account number"],
        [Line] = ["numero linea", "msisdn", "min", "linea movil", "line", "celular"],
        [State] = ["estado venta", "status", "state"],
    };

    public static IReadOnlyCollection<string> MultiValued { get; } = [];

    /// <summary>Spanish header of each column, in the sheet's order (exports write these; the product column is written <c>codigo_tarifa</c>).</summary>
    public static IReadOnlyList<string> ExportHeaders { get; } =
        [Document, SaleType, "codigo_tarifa", Quantity, MonthlyValue, OneOffValue, SaleDate, Seller, CallId, Extension, Account, Line, State];

    /// <summary>Spanish name of a sale kind as the sheet writes it (and reads it back, see <see cref="ParseKind"/>).</summary>
    public static string KindName(SaleKind kind) => kind switch
    {
        SaleKind.HomeNewService => "hogar nuevo servicio",
        SaleKind.HomeBundle => "hogar empaquetado",
        SaleKind.HomeUpgrade => "hogar upgrade",
        SaleKind.HomeAddOn => "hogar adicional",
        SaleKind.MobileNewLine => "movil linea nueva",
        SaleKind.MobileMigration => "movil migracion",
        SaleKind.MobilePortability => "movil portabilidad",
        _ => "equipo a credito",
    };

    public static SaleKind? ParseKind(string text)
    {
        var key = HeaderNormalizer.Normalize(text);
        foreach (var kind in Enum.GetValues<SaleKind>())
        {
            if (key == HeaderNormalizer.Normalize(KindName(kind)) || key == HeaderNormalizer.Normalize(kind.ToString()))
            {
                return kind;
            }
        }

        return key switch
        {
            "nuevoservicio" or "hogarnuevo" or "nuevo" => SaleKind.HomeNewService,
            "empaquetado" or "bundle" or "duo" or "trio" => SaleKind.HomeBundle,
            "upgrade" or "mejora" => SaleKind.HomeUpgrade,
            "adicional" or "addon" => SaleKind.HomeAddOn,
            "lineanueva" or "alta" or "newline" => SaleKind.MobileNewLine,
            "migracion" or "migration" => SaleKind.MobileMigration,
            "portabilidad" or "portacion" or "portability" => SaleKind.MobilePortability,
            "equipo" or "terminal" or "equipoacredito" or "tyt" or "devices" => SaleKind.DeviceOnCredit,
            _ => null,
        };
    }

    /// <summary>Spanish name of a state as the sheet writes it.</summary>
    public static string StateName(SaleState state) => state switch
    {
        SaleState.Registered => "registrada",
        SaleState.InValidation => "en validacion",
        SaleState.Validated => "validada",
        SaleState.Scheduled => "agendada",
        SaleState.Reserved => "reservada",
        SaleState.Shipped => "enviada",
        SaleState.Installed => "instalada",
        SaleState.Delivered => "entregada",
        SaleState.Legalized => "legalizada",
        SaleState.Rejected => "rechazada",
        SaleState.Cancelled => "cancelada",
        _ => "no instalada",
    };

    private static readonly Dictionary<string, SaleState> StateNames = BuildStateNames();

    /// <summary>A state written in Spanish or English (any accents/case); an empty text is null with <paramref name="empty"/> true.</summary>
    public static SaleState? ParseState(ReadOnlySpan<char> text, out bool empty)
    {
        var trimmed = text.Trim();
        empty = trimmed.IsEmpty;
        if (empty)
        {
            return null;
        }

        // Fast path: the common spellings ("instalada", "INSTALADA") without normalising.
        Span<char> lower = stackalloc char[Math.Min(trimmed.Length, 64)];
        if (trimmed.Length <= 64 && trimmed.ToLowerInvariant(lower) == trimmed.Length
            && StateNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var fast))
        {
            return fast;
        }

        var key = HeaderNormalizer.Normalize(trimmed.ToString());
        empty = key.Length == 0;
        return StateNames.TryGetValue(key, out var state) ? state : null;
    }

    private static Dictionary<string, SaleState> BuildStateNames()
    {
        var names = new Dictionary<string, SaleState>(StringComparer.Ordinal);
        foreach (var state in Enum.GetValues<SaleState>())
        {
            names[HeaderNormalizer.Normalize(StateName(state))] = state;
            names[HeaderNormalizer.Normalize(state.ToString())] = state;
            names[StateName(state)] = state;
        }

        (string, SaleState)[] synonyms =
        [
            ("registrado", SaleState.Registered), ("ingresada", SaleState.Registered), ("nueva", SaleState.Registered),
            ("enproceso", SaleState.InValidation), ("validando", SaleState.InValidation),
            ("validado", SaleState.Validated), ("aprobada", SaleState.Validated),
            ("programada", SaleState.Scheduled), ("agendado", SaleState.Scheduled),
            ("reservado", SaleState.Reserved),
            ("despachada", SaleState.Shipped), ("enviado", SaleState.Shipped),
            ("instalado", SaleState.Installed), ("activa", SaleState.Installed), ("activada", SaleState.Installed), ("activo", SaleState.Installed),
            ("entregado", SaleState.Delivered),
            ("legalizado", SaleState.Legalized),
            ("rechazado", SaleState.Rejected),
            ("cancelado", SaleState.Cancelled), ("anulada", SaleState.Cancelled),
            ("noinstalado", SaleState.NotInstalled),
        ];
        foreach (var (name, state) in synonyms)
        {
            names[name] = state;
        }

        return names;
    }

    /// <summary>
    /// Money as written in a sheet: <c>59900</c>, <c>59.900</c>, <c>$ 59.900</c>, <c>59,900.50</c>, <c>59.900,50</c>, <c>150,5</c>.
    /// With both separators the last one is the decimal one; a lone separator followed by exactly three digits groups thousands.
    /// </summary>
    public static bool TryParseMoney(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[Math.Min(64, text.Length + 1)];
        var n = 0;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1;
        var negative = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == buffer.Length)
                {
                    return false;
                }

                buffer[n++] = c;
            }
            else if (c == '.')
            {
                dots++;
                lastDot = n;
                if (n == buffer.Length)
                {
                    return false;
                }

                buffer[n++] = '.';
            }
            else if (c == ',')
            {
                commas++;
                lastComma = n;
                if (n == buffer.Length)
                {
                    return false;
                }

                buffer[n++] = ',';
            }
            else if (c == '-' && n == 0)
            {
                negative = true;
            }
            else if (c is '$' or ' ' or '\u00a0' || char.IsLetter(c))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        if (n == 0)
        {
            return false;
        }

        char? decimalSeparator = null;
        if (dots > 0 && commas > 0)
        {
            decimalSeparator = lastDot > lastComma ? '.' : ',';
        }
        else if (dots + commas == 1)
        {
            var at = dots == 1 ? lastDot : lastComma;
            decimalSeparator = n - at - 1 == 3 ? null : buffer[at];
        }

        Span<char> clean = stackalloc char[n];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = buffer[i];
            if (char.IsAsciiDigit(c))
            {
                clean[m++] = c;
            }
            else if (c == decimalSeparator)
            {
                clean[m++] = '.';
                decimalSeparator = '\0'; // only one
            }
        }

        if (!decimal.TryParse(clean[..m], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.fff", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm",
    ];

    /// <summary>The date of a sale as written in a sheet (ISO, <c>yyyyMMdd</c>, or day first as in Colombia and Bolivia; a time part is ignored).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        text = text.Trim();
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y is >= 1900 and <= 2999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d); // the common ISO form, without the format list
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// An account or line number for matching: letters and digits only, upper case; a Colombian (+57, 12 digits) or
    /// Bolivian (+591, 11 digits) international prefix is dropped so <c>+57 300 123 4567</c> and <c>3001234567</c> agree.
    /// </summary>
    public static int NormalizeNumber(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && n < destination.Length)
            {
                destination[n++] = char.ToUpperInvariant(c);
            }
        }

        var digitsOnly = true;
        for (var i = 0; i < n; i++)
        {
            digitsOnly &= char.IsAsciiDigit(destination[i]);
        }

        if (digitsOnly)
        {
            var drop = n == 12 && destination.StartsWith("57") ? 2 : n == 11 && destination.StartsWith("591") ? 3 : 0;
            if (drop > 0)
            {
                destination[drop..n].CopyTo(destination);
                n -= drop;
            }
        }

        return n;
    }

    /// <summary>A tariff code (or call id) for matching: letters and digits only, upper case (<c>TV-HD 01</c> → <c>TVHD01</c>).</summary>
    public static int NormalizeCode(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && n < destination.Length)
            {
                destination[n++] = char.ToUpperInvariant(c);
            }
        }

        return n;
    }
}

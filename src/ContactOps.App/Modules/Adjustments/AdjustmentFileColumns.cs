using System.Globalization;
using System.Text.RegularExpressions;
using ContactOps.Platform.Files;

namespace ContactOps.Modules.Adjustments;

/// <summary>
/// The columns of the carrier's adjustments base (<c>ajustes_&lt;corte&gt;</c>), their default headers and accepted aliases
/// (compared with <see cref="HeaderNormalizer"/>: case-, accent-, space- and underscore-insensitive), and the parsing of
/// its values (approval words, es-CO amounts, dates, the cut-off in the file name).
/// </summary>
public static partial class AdjustmentFileColumns
{
    /// <summary>File kind of the saved column mappings (<c>--mapping</c>).</summary>
    public const string FileKind = "adjustments";

    public const string Account = "cuenta";
    public const string Escalation = "escalamiento";
    public const string CarrierStatus = "estado_ajuste";
    public const string Cause = "causal";
    public const string Approval = "aprobacion";
    public const string Amount = "valor";
    public const string FilingNumber = "radicado";
    public const string AgentLogin = "login_asesor";
    public const string RejectionReason = "motivo_rechazo";
    public const string FilingDate = "fecha_radicacion";

    /// <summary>Columns a file must have (the key and the KPIs need them); the others are optional.</summary>
    public static readonly string[] Required = [Account, Cause, AgentLogin];

    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Account] = ["cuenta_cliente", "numero_cuenta", "no_cuenta", "nro_cuenta", "cuenta_hogar", "account"],
        [Escalation] = ["escalamiento_pqr", "numero_escalamiento", "ref_escalamiento", "pqr", "caso_pqr", "escalation"],
        [CarrierStatus] = ["estado", "estado_del_ajuste", "status"],
        [Cause] = ["causa", "causal_ajuste", "motivo_ajuste", "cause"],
        [Approval] = ["aprobado", "aprobacion_bo", "decision", "approval"],
        [Amount] = ["valor_ajuste", "monto", "valor_aplicado", "amount"],
        [FilingNumber] = ["numero_radicado", "no_radicado", "radicado_rr", "filing_number"],
        [AgentLogin] = ["login", "asesor", "usuario_asesor", "login_agente", "agent_login"],
        [RejectionReason] = ["motivo_de_rechazo", "causa_rechazo", "observacion_rechazo", "rejection_reason"],
        [FilingDate] = ["fecha_radicado", "fecha_ajuste", "fecha", "filing_date"],
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "yyyy-MM-dd'T'HH:mm:ss", "dd-MM-yyyy"];

    /// <summary>
    /// The cut-off date a file name carries: the first <c>yyyy-MM-dd</c> (or <c>yyyy_MM_dd</c>) or <c>yyyyMMdd</c> that is a real date
    /// (<c>ajustes_2026-11-20.xlsx</c>, <c>ajustes_20261120.csv</c>); null when there is none.
    /// </summary>
    public static DateOnly? CutoffFromFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        foreach (Match m in DatePattern().Matches(name))
        {
            var text = m.Groups["y"].Value + m.Groups["m"].Value + m.Groups["d"].Value;
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The approval column: APROBADO / RECHAZADO / PENDIENTE in any case, with or without accents, masculine or feminine
    /// (aprobada, rechazada); empty is pending. Null when the word is not one of them.
    /// </summary>
    public static CarrierApproval? ParseApproval(string? text)
    {
        var key = HeaderNormalizer.Normalize(text);
        return key switch
        {
            "" or "pendiente" or "pendientes" or "entramite" or "pending" or "sindecision" => CarrierApproval.Pending,
            "aprobado" or "aprobada" or "aprobados" or "aprobadas" or "approved" or "aplicado" or "aplicada" => CarrierApproval.Approved,
            "rechazado" or "rechazada" or "rechazados" or "rechazadas" or "rejected" or "negado" or "negada" => CarrierApproval.Rejected,
            _ => null,
        };
    }

    /// <summary>
    /// An amount as the carrier writes it: es-CO (<c>1.234.567,50</c>), with a currency sign (<c>$ 45.000</c>, <c>COP 45.000</c>),
    /// plain digits (<c>45000</c>), or an XLSX number cell (<c>45000.5</c>, invariant). A dot is read as a thousands separator
    /// when every group after it has three digits (<c>45.000</c> → 45 000), else as the decimal point. Negative, more than
    /// two decimals after a comma, or anything else → false.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var s = text.Trim();
        if (s.StartsWith("COP", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }

        s = s.Replace("$", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (s.Length == 0 || !AmountChars().IsMatch(s))
        {
            return false;
        }

        string invariant;
        if (s.Contains(',', StringComparison.Ordinal))
        {
            if (!EsCoAmount().IsMatch(s))
            {
                return false;
            }

            invariant = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (s.Contains('.', StringComparison.Ordinal))
        {
            invariant = Thousands().IsMatch(s) ? s.Replace(".", "", StringComparison.Ordinal) : s;
        }
        else
        {
            invariant = s;
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 999_999_999_999m)
        {
            return false;
        }

        amount = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>A filing date: <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c> (also what an XLSX date cell gives).</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateOnly.FromDateTime(value)
            : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2})[-_.]?(?<m>[01]\d)[-_.]?(?<d>[0-3]\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[0-9.,]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountChars();

    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})+|\d+),\d{1,2}$|^(\d{1,3}(\.\d{3})+|\d+),?$", RegexOptions.CultureInvariant)]
    private static partial Regex EsCoAmount();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();
}

/// <summary>The operation's causes, found by letter (A–M) or by their text (accent/case/space-insensitive, optionally "E - text").</summary>
internal sealed class CauseIndex
{
    private readonly Dictionary<string, (Guid Id, string Letter)> _byKey = new(StringComparer.Ordinal);

    public CauseIndex(IEnumerable<(Guid Id, string Letter, string Name)> causes)
    {
        foreach (var (id, letter, name) in causes)
        {
            var l = letter.Trim().ToUpperInvariant();
            _byKey.TryAdd(HeaderNormalizer.Normalize(l), (id, l));
            _byKey.TryAdd(HeaderNormalizer.Normalize(name), (id, l));
            _byKey.TryAdd(HeaderNormalizer.Normalize(l + name), (id, l));
            _byKey.TryAdd(HeaderNormalizer.Normalize("causal" + l), (id, l));
        }
    }

    private readonly Dictionary<string, (Guid Id, string Letter)?> _seen = new(StringComparer.Ordinal);

    public (Guid Id, string Letter)? Find(string text)
    {
        if (_seen.TryGetValue(text, out var known))
        {
            return known;
        }

        var key = HeaderNormalizer.Normalize(text);
        (Guid Id, string Letter)? found = key.Length > 0 && _byKey.TryGetValue(key, out var cause) ? cause : null;
        if (_seen.Count < 10_000)
        {
            _seen[text] = found;
        }

        return found;
    }
}

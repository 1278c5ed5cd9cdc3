using System.Globalization;
using ContactOps.Modules.Customers.Contracts;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Files;

namespace ContactOps.Modules.Outbound;

/// <summary>One accepted row of a call log (reused between rows: the parser fills it).</summary>
internal sealed class CallLogRow
{
    public long Line { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public string PhoneE164 { get; set; } = "";

    public Guid LeadId { get; set; }

    public CallResult Result { get; set; }

    /// <summary>Index in the operation's catalog (<see cref="CallLogRowParser.Catalog"/>), or -1.</summary>
    public int Disposition { get; set; } = -1;

    public bool Abandoned { get; set; }

    public string? Agent { get; set; }

    public int TalkSeconds { get; set; }

    public string? CallId { get; set; }
}

/// <summary>
/// Validates one row of a call log: instant (ISO-8601 with offset, or local time in the client's zone), the lead (by
/// document when given, else by phone), result and disposition (generic words or VICIdial statuses), agent, talk seconds.
/// </summary>
internal sealed class CallLogRowParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm",
    ];

    private readonly CallLogLayout _layout;
    private readonly Country _country;
    private readonly string? _areaCode;
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _latest;
    private readonly CallLogLeadIndex _leads;
    private readonly Dictionary<string, int> _codes;
    private readonly int _time;
    private readonly int _phone;
    private readonly int _document;
    private readonly int _agent;
    private readonly int _result;
    private readonly int _disposition;
    private readonly int _talk;
    private readonly int _callId;
    private readonly int _status;
    private readonly string _defaultDocumentType;

    public CallLogRowParser(CallLogLayout layout, ColumnMap map, Country country, string? areaCode, TimeZoneInfo zone, DateTimeOffset now, IReadOnlyList<DispositionTraits> catalog, CallLogLeadIndex leads)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(catalog);
        _layout = layout;
        _country = country;
        _areaCode = areaCode;
        _zone = zone;
        _latest = now.AddHours(1);
        _leads = leads;
        Catalog = catalog;
        _codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < catalog.Count; i++)
        {
            _codes.TryAdd(catalog[i].Code, i);
        }

        _time = map.IndexOf(CallLogLayouts.Time);
        _phone = map.IndexOf(CallLogLayouts.Phone);
        _document = map.IndexOf(CallLogLayouts.Document);
        _agent = map.IndexOf(CallLogLayouts.Agent);
        _result = map.IndexOf(CallLogLayouts.Result);
        _disposition = map.IndexOf(CallLogLayouts.Disposition);
        _talk = map.IndexOf(CallLogLayouts.TalkSeconds);
        _callId = map.IndexOf(CallLogLayouts.CallId);
        _status = map.IndexOf(CallLogLayouts.Status);
        _defaultDocumentType = country == Country.BO ? "CI" : "CC";
    }

    public IReadOnlyList<DispositionTraits> Catalog { get; }

    /// <summary>The required columns the file lacks (Spanish names), for the layout.</summary>
    public static List<string> Missing(CallLogLayout layout, ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var missing = new List<string>();
        if (layout == CallLogLayout.Vicidial)
        {
            if (!map.Has(CallLogLayouts.Time))
            {
                missing.Add("call_date");
            }

            if (!map.Has(CallLogLayouts.Phone) && !map.Has(CallLogLayouts.Document))
            {
                missing.Add("phone_number_dialed o phone_number (o vendor_lead_code)");
            }

            if (!map.Has(CallLogLayouts.Status))
            {
                missing.Add("status");
            }

            return missing;
        }

        if (!map.Has(CallLogLayouts.Time))
        {
            missing.Add("time (fecha_hora)");
        }

        if (!map.Has(CallLogLayouts.Phone) && !map.Has(CallLogLayouts.Document))
        {
            missing.Add("phone (telefono) o document (documento)");
        }

        if (!map.Has(CallLogLayouts.Result) && !map.Has(CallLogLayouts.Disposition))
        {
            missing.Add("result (resultado) o disposition (tipificacion)");
        }

        return missing;
    }

    public RejectedRow? Parse(ITabularReader reader, CallLogRow row)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        if (RejectedRow.FromRowError(reader) is { } malformed)
        {
            return malformed;
        }

        var line = reader.LineNumber;
        row.Line = line;

        // When.
        var timeText = reader.GetField(_time).Trim();
        if (timeText.Length == 0)
        {
            return new RejectedRow(line, "Falta la fecha y hora de la llamada.", CallLogLayouts.Time);
        }

        if (!TryInstant(timeText, _zone, out var startedAt))
        {
            return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Fecha y hora no válida «{0}»: use ISO-8601 (2026-11-23T09:15:00-05:00) o la hora local del cliente (2026-11-23 09:15:00).", timeText), CallLogLayouts.Time);
        }

        if (startedAt > _latest)
        {
            return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "La llamada de «{0}» está en el futuro.", timeText), CallLogLayouts.Time);
        }

        row.StartedAt = startedAt.ToUniversalTime();

        // Result and disposition.
        var outcome = _layout == CallLogLayout.Vicidial ? VicidialOutcome(reader, line, row) : GenericOutcome(reader, line, row);
        if (outcome is not null)
        {
            return outcome;
        }

        // Talk seconds.
        row.TalkSeconds = 0;
        if (_talk >= 0 && reader.GetField(_talk).Trim() is { Length: > 0 } talkText)
        {
            if (!int.TryParse(talkText, NumberStyles.None, CultureInfo.InvariantCulture, out var talk) || talk > 86_400)
            {
                if (!decimal.TryParse(talkText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec) || dec > 86_400)
                {
                    return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Segundos de conversación no válidos «{0}»: un entero entre 0 y 86400.", talkText), CallLogLayouts.TalkSeconds);
                }

                talk = (int)Math.Round(dec, MidpointRounding.AwayFromZero);
            }

            row.TalkSeconds = talk;
        }

        // Agent.
        var agent = _agent < 0 ? "" : reader.GetField(_agent).Trim();
        if (_layout == CallLogLayout.Vicidial && Array.Exists(CallLogLayouts.VicidialSystemUsers, u => string.Equals(u, agent, StringComparison.OrdinalIgnoreCase)))
        {
            agent = "";
        }

        row.Agent = agent.Length == 0 ? null : agent.Length > 60 ? agent[..60] : agent;
        row.CallId = _callId >= 0 && reader.GetField(_callId).Trim() is { Length: > 0 } id ? (id.Length > 80 ? id[..80] : id) : null;

        // Phone and lead: by document when given, else by phone.
        var phoneText = _phone < 0 ? "" : reader.GetField(_phone).Trim();
        string? e164 = null;
        if (phoneText.Length > 0)
        {
            if (!ContactValues.TryNormalizePhone(phoneText, _country, _areaCode, out var normalised))
            {
                return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Teléfono no válido «{0}».", phoneText), CallLogLayouts.Phone);
            }

            e164 = normalised;
        }

        var documentText = _document < 0 ? "" : reader.GetField(_document).Trim();
        if (documentText.Length > 0)
        {
            var document = ContactValues.NormalizeDocument(_defaultDocumentType, documentText, _country);
            var number = document.IsSuccess ? document.Value!.Number : documentText.ToUpperInvariant();
            if (!_leads.TryByDocument(number, out var leadId))
            {
                return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Sin lead: ningún lead de las bases de la operación tiene el documento «{0}».", documentText), CallLogLayouts.Document);
            }

            if (e164 is null)
            {
                return new RejectedRow(line, "Falta el teléfono marcado.", CallLogLayouts.Phone);
            }

            row.LeadId = leadId;
        }
        else if (e164 is not null)
        {
            if (!_leads.TryByPhone(e164, out var leadId))
            {
                return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Sin lead: ningún lead de las bases de la operación tiene el teléfono «{0}».", phoneText), CallLogLayouts.Phone);
            }

            row.LeadId = leadId;
        }
        else
        {
            return new RejectedRow(line, "La fila no trae documento ni teléfono para identificar el lead.", CallLogLayouts.Phone);
        }

        row.PhoneE164 = e164;
        return null;
    }

    private RejectedRow? GenericOutcome(ITabularReader reader, long line, CallLogRow row)
    {
        var resultText = _result < 0 ? "" : reader.GetField(_result).Trim();
        var codeText = _disposition < 0 ? "" : reader.GetField(_disposition).Trim();
        row.Abandoned = false;
        row.Disposition = -1;
        CallResult? result = null;
        if (resultText.Length > 0)
        {
            result = CallLogLayouts.ParseResult(resultText);
            if (result is null)
            {
                return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Resultado desconocido «{0}»: use answered, machine, no_answer, busy o failed (o contestada, buzon, no_contesta, ocupado, fallida).", resultText), CallLogLayouts.Result);
            }
        }

        if (codeText.Length > 0)
        {
            if (!_codes.TryGetValue(codeText, out var index))
            {
                return new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "La tipificación «{0}» no existe en el catálogo de la operación.", codeText), CallLogLayouts.Disposition);
            }

            row.Disposition = index;
        }

        if (result is null && row.Disposition < 0)
        {
            return new RejectedRow(line, "La fila no trae resultado ni tipificación.", CallLogLayouts.Result);
        }

        row.Result = result ?? ResultOf(Catalog[row.Disposition]);
        if (row.Disposition < 0 && LeadOutcomes.SystemDispositionCode(row.Result) is { } system && _codes.TryGetValue(system, out var systemIndex))
        {
            // As the engine does for an attempt that never reached an agent.
            row.Disposition = systemIndex;
        }

        return null;
    }

    private RejectedRow? VicidialOutcome(ITabularReader reader, long line, CallLogRow row)
    {
        var status = reader.GetField(_status).Trim();
        row.Abandoned = false;
        row.Disposition = -1;
        if (status.Length == 0)
        {
            return new RejectedRow(line, "Falta el estado (status) de la llamada.", CallLogLayouts.Status);
        }

        if (CallLogLayouts.VicidialStatuses.TryGetValue(status, out var known))
        {
            row.Result = known.Result;
            row.Abandoned = known.Abandoned;
            if (known.Code is { } code && _codes.TryGetValue(code, out var index))
            {
                row.Disposition = index;
            }

            return null;
        }

        if (_codes.TryGetValue(status, out var custom))
        {
            row.Disposition = custom;
            row.Result = ResultOf(Catalog[custom]);
            return null;
        }

        return Array.Exists(CallLogLayouts.VicidialNotCalls, s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase))
            ? new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "El estado «{0}» no es una llamada terminada.", status), CallLogLayouts.Status)
            : new RejectedRow(line, string.Format(CultureInfo.InvariantCulture, "Estado de VICIdial desconocido «{0}»: no está en la tabla de estados ni en el catálogo de la operación.", status), CallLogLayouts.Status);
    }

    /// <summary>The telephony result implied by a disposition when the file gives none.</summary>
    public static CallResult ResultOf(DispositionTraits d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Code switch
        {
            "BUZON" => CallResult.Machine,
            "NO_CONTESTA" => CallResult.NoAnswer,
            "OCUPADO" => CallResult.Busy,
            "FALLIDA" => CallResult.Failed,
            _ => d.Answered ? CallResult.Answered : d.Machine ? CallResult.Machine : d.Failed ? CallResult.Failed : CallResult.NoAnswer,
        };
    }

    /// <summary>An instant from ISO-8601 with offset (or Z), or a local time of <paramref name="zone"/>.</summary>
    public static bool TryInstant(string text, TimeZoneInfo zone, out DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddHours(1);
            }

            at = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
            return true;
        }

        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return true;
        }

        at = default;
        return false;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOfAny(['T', ' ']);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}

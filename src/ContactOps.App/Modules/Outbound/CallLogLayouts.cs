using ContactOps.Platform.Files;

namespace ContactOps.Modules.Outbound;

/// <summary>The layouts of another dialer's call log that <see cref="ImportCallLog"/> reads.</summary>
public enum CallLogLayout
{
    /// <summary>Our own columns with Spanish aliases: time, phone, document, agent, result, disposition, talk_seconds.</summary>
    Generic,

    /// <summary>VICIdial's "Export Calls Report" (call_report_export.php) or a dump of its vicidial_log table.</summary>
    Vicidial,
}

/// <summary>
/// Fields of a call log and the headers recognised for each (compared normalised: case, accents, spaces, dashes and
/// underscores ignored) per layout, plus the words and VICIdial statuses understood. See docs/call-logs.md.
/// </summary>
public static class CallLogLayouts
{
    public const string Time = "time";
    public const string Phone = "phone";
    public const string PhoneCode = "phone_code";
    public const string Document = "document";
    public const string Agent = "agent";
    public const string Result = "result";
    public const string Disposition = "disposition";
    public const string TalkSeconds = "talk_seconds";
    public const string CallId = "call_id";
    public const string Status = "status";

    public static IReadOnlyDictionary<string, string[]> GenericAliases { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Time] = ["fecha_hora", "fecha hora", "fecha y hora", "hora_llamada", "fecha_llamada", "inicio", "started_at", "start_time", "datetime", "date_time"],
        [Phone] = ["telefono", "numero", "numero marcado", "celular", "phone_number", "msisdn"],
        [Document] = ["documento", "cedula", "identificacion", "nit", "ci", "numero documento", "document_number"],
        [Agent] = ["agente", "usuario", "asesor", "login", "user", "agent_login"],
        [Result] = ["resultado", "resultado_llamada", "call_result"],
        [Disposition] = ["tipificacion", "codigo_tipificacion", "dispo", "disposition_code"],
        [TalkSeconds] = ["segundos", "duracion", "duracion_segundos", "talk_time", "duration", "seconds"],
        [CallId] = ["id_llamada", "callid", "uniqueid"],
    };

    /// <summary>
    /// VICIdial's Export Calls Report header (tab-delimited .txt: call_date, phone_number_dialed, status, user, full_name,
    /// campaign_id, vendor_lead_code, source_id, list_id, gmt_offset_now, phone_code, phone_number, …, length_in_sec, …,
    /// lead_id, list_name, list_description, status_name, [uniqueid …]) and the vicidial_log table's own column names
    /// (call_date, phone_number, status, user, length_in_sec, uniqueid, lead_id, list_id).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> VicidialAliases { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Time] = ["call_date"],
        [Phone] = ["phone_number_dialed", "phone_number"],
        [PhoneCode] = ["phone_code"],
        [Document] = ["vendor_lead_code"],
        [Agent] = ["user"],
        [Status] = ["status"],
        [TalkSeconds] = ["length_in_sec"],
        [CallId] = ["uniqueid"],
    };

    /// <summary>VICIdial's pseudo-users of calls no agent took (auto-dial, closer queue).</summary>
    public static readonly string[] VicidialSystemUsers = ["VDAD", "VDCL", "VDAC"];

    public static IReadOnlyDictionary<string, string[]> Aliases(CallLogLayout layout) =>
        layout == CallLogLayout.Vicidial ? VicidialAliases : GenericAliases;

    /// <summary>The words accepted in the result column (normalised like headers): English and Spanish.</summary>
    public static CallResult? ParseResult(string text) => HeaderNormalizer.Normalize(text) switch
    {
        "answered" or "answer" or "contestada" or "contestado" or "contesta" or "atendida" or "atendido" or "humano" => CallResult.Answered,
        "machine" or "voicemail" or "buzon" or "buzondevoz" or "contestador" or "maquina" => CallResult.Machine,
        "noanswer" or "nocontesta" or "nocontestada" or "sinrespuesta" => CallResult.NoAnswer,
        "busy" or "ocupado" or "ocupada" => CallResult.Busy,
        "failed" or "fallida" or "fallido" or "error" or "falla" => CallResult.Failed,
        _ => null,
    };

    /// <summary>One row of the VICIdial status table: the telephony result, our catalog code (null: none) and whether the call was dropped.</summary>
    public readonly record struct VicidialStatus(CallResult Result, string? Code, bool Abandoned = false);

    /// <summary>
    /// VICIdial's standard statuses → our result and the devices-outbound catalog code. A status that is not here but is a
    /// code of the operation's catalog (custom statuses created with the same codes) is taken as that disposition.
    /// </summary>
    public static IReadOnlyDictionary<string, VicidialStatus> VicidialStatuses { get; } = new Dictionary<string, VicidialStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["SALE"] = new(CallResult.Answered, "VENTA"),
        ["NI"] = new(CallResult.Answered, "NO_INTERESADO"),
        ["DEC"] = new(CallResult.Answered, "NO_INTERESADO"),
        ["NP"] = new(CallResult.Answered, "NO_INTERESADO"),
        ["CALLBK"] = new(CallResult.Answered, "VOLVER_A_LLAMAR"),
        ["CBHOLD"] = new(CallResult.Answered, "VOLVER_A_LLAMAR"),
        ["DNC"] = new(CallResult.Answered, "DNC"),
        ["DNCL"] = new(CallResult.Answered, "DNC"),
        ["DNCC"] = new(CallResult.Answered, "DNC"),
        ["WN"] = new(CallResult.Answered, "NUMERO_ERRADO"),
        ["DC"] = new(CallResult.Answered, "NUMERO_ERRADO"),
        ["A"] = new(CallResult.Machine, "BUZON"),
        ["AA"] = new(CallResult.Machine, "BUZON"),
        ["AM"] = new(CallResult.Machine, "BUZON"),
        ["AL"] = new(CallResult.Machine, "BUZON"),
        ["AFAX"] = new(CallResult.Machine, "BUZON"),
        ["B"] = new(CallResult.Busy, "OCUPADO"),
        ["AB"] = new(CallResult.Busy, "OCUPADO"),
        ["NA"] = new(CallResult.NoAnswer, "NO_CONTESTA"),
        ["N"] = new(CallResult.NoAnswer, "NO_CONTESTA"),
        ["ADC"] = new(CallResult.Failed, "FALLIDA"),
        ["ADCT"] = new(CallResult.Failed, "FALLIDA"),
        ["CONGST"] = new(CallResult.Failed, "FALLIDA"),
        ["CHANUN"] = new(CallResult.Failed, "FALLIDA"),
        ["DROP"] = new(CallResult.Answered, null, Abandoned: true),
        ["XDROP"] = new(CallResult.Answered, null, Abandoned: true),
        ["PDROP"] = new(CallResult.Answered, null, Abandoned: true),
        ["XFER"] = new(CallResult.Answered, null),
    };

    /// <summary>Statuses of leads that were never dialled (not attempts): rows with them are rejected.</summary>
    public static readonly string[] VicidialNotCalls = ["NEW", "QUEUE", "INCALL", "QCANCEL"];
}

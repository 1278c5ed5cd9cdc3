using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactOps.Modules.Outbound.Contracts;

namespace ContactOps.Modules.Outbound;

/// <summary>The desk's reading of the campaign settings (pause reasons, script) with sensible defaults when not configured.</summary>
public static class DeskSettings
{
    public const string ContractKind = "contract";

    /// <summary>The state a wrap-up left unattended ends in (applied by the wrap-up sweep).</summary>
    public const string WrapUpTimeoutReason = "wrapup_timeout";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static readonly IReadOnlyList<PauseReason> DefaultPauseReasons =
    [
        new("break", "Descanso", 15),
        new("training", "Capacitación", 60),
        new("backoffice", "Back office", 30),
    ];

    public static readonly IReadOnlyList<ScriptStep> DefaultScript =
    [
        new("greeting", "Saludo", "Buenos días, ¿hablo con {cliente}? Le habla {asesor} de Telco Colombia."),
        new("offer", "Oferta", "Por ser cliente {campo:plan}, tiene aprobado un equipo {oferta} con cuota de {campo:cuota} al mes en su factura."),
        new("preclose", "Precierre", "¿Le gustaría recibirlo en {campo:ciudad} esta semana?"),
        new("close", "Cierre", "Perfecto, {cliente}: confirmemos sus datos para registrar el pedido."),
        new(ContractKind, "Lectura del contrato", "Señor(a) {cliente}, con documento {documento}: acepta la compra del equipo {oferta} a crédito con cuota de {campo:cuota}… ¿Acepta?", OnlyWhenSale: true),
        new("farewell", "Despedida", "Gracias por su tiempo, {cliente}. Que tenga un excelente día."),
    ];

    public static IReadOnlyList<PauseReason> PauseReasons(OutboundCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var list = CampaignSettings.PauseReasons(campaign);
        return list.Count > 0 ? list.Where(r => !string.IsNullOrWhiteSpace(r.Code)).ToList() : DefaultPauseReasons;
    }

    public static IReadOnlyList<ScriptStep> Script(OutboundCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var list = CampaignSettings.Script(campaign);
        return list.Count > 0 ? list : DefaultScript;
    }

    /// <summary>The lead's carrier attributes (JSON object) as text values.</summary>
    public static Dictionary<string, string> Attributes(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // A malformed attribute column shows no fields rather than breaking the desk.
        }

        return result;
    }

    /// <summary>
    /// The script steps for one lead and one agent: placeholders (<see cref="ScriptPlaceholders"/>) replaced by their values;
    /// one without a value is a gap the agent sees as <paramref name="gap"/> of the missing field, never the raw braces.
    /// </summary>
    public static List<DeskScriptStep> Render(IEnumerable<ScriptStep> steps, ScriptPlaceholders.Values values, Func<string, string> gap)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Select(s =>
        {
            var parts = ScriptPlaceholders.Render(s.Text, values, gap);
            return new DeskScriptStep(s.Kind, s.Title, string.Concat(parts.Select(p => p.Text)), s.OnlyWhenSale, parts);
        }).ToList();
    }

    public static string Minutes(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes:00}:{span.Seconds:00}");

    /// <summary>The contact policy's reasons in Spanish (stable codes from PolicyReasons).</summary>
    public static string Describe(IEnumerable<string> reasons) => string.Join("; ", reasons.Select(Reason));

    public static string Reason(string code) => code switch
    {
        PolicyReasons.OutsideHours => "fuera del horario permitido de contacto",
        PolicyReasons.Sunday => "los domingos no se llama",
        PolicyReasons.Holiday => "es día festivo",
        PolicyReasons.ExcludedRegistry => "el número está en el Registro de Números Excluidos",
        PolicyReasons.Dnc => "el número está en la lista interna de no llamar",
        PolicyReasons.DailyContactLimit => "ya hubo contacto con la persona hoy",
        PolicyReasons.WeeklyChannel => "esta semana ya se le contactó por otro canal",
        PolicyReasons.DailyAttemptLimit => "se agotaron los intentos del día",
        PolicyReasons.AttemptLimit => "se agotaron los intentos del registro",
        PolicyReasons.RecycleDelay => "aún no se cumple el tiempo de espera para volver a llamar",
        PolicyReasons.CallbackScheduled => "tiene una rellamada programada",
        PolicyReasons.FinalDisposition => "el registro tiene una tipificación final",
        PolicyReasons.NumberUnusable => "el número está marcado como errado",
        _ => code,
    };
}

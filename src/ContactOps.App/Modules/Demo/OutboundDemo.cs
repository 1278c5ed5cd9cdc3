using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform;
using ContactOps.Platform.Data;

namespace ContactOps.Modules.Demo;

/// <summary>
/// The outbound demo (devices-outbound of telco-co): the campaign with the Colombian preset, pause reasons, recycle delays,
/// the script, predictive dialing on the simulator; the base "Base demo noviembre" (300 leads with plan, cupo, equipo and
/// ciudad, a few in the do-not-call list) and two segments (60 % / 40 %) already applied.
/// </summary>
internal static class OutboundDemo
{
    private static readonly string[] Plans = ["Pospago", "Pospago", "Pospago Plus", "Prepago", "Prepago"];
    private static readonly string[] Devices = ["Samsung Galaxy A15", "iPhone 13", "Motorola G84", "Xiaomi Redmi Note 13", ""];
    private static readonly string[] Cities = ["Bogotá", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Cartagena"];
    private static readonly string[] First = ["Ana", "Carlos", "Luisa", "Jorge", "Valentina", "Andrés", "Camila", "Felipe", "Daniela", "Santiago", "Laura", "Mateo"];
    private static readonly string[] Last = ["Gómez", "Rodríguez", "Martínez", "López", "García", "Pérez", "Sánchez", "Ramírez", "Torres", "Díaz", "Vargas", "Castro"];

    public static void Add(AppDbContext db, Client client, Operation outbound, TimeProvider time)
    {
        var campaign = CampaignSettings.Preset(client.Id, outbound.Id, client.Country);
        campaign.DialMode = DialMode.Predictive;
        campaign.WeekdayGoalsJson = """{"Monday":12,"Tuesday":12,"Wednesday":12,"Thursday":12,"Friday":12,"Saturday":6}""";
        campaign.AbandonTarget = 0.03m;
        campaign.WrapUpLimitSeconds = 90;
        campaign.WrapUpDefaultDispositionCode = "NO_CONTESTA";
        campaign.RecycleMinutesJson = JsonSerializer.Serialize(
            new Dictionary<string, int>(StringComparer.Ordinal) { ["NO_CONTESTA"] = 120, ["OCUPADO"] = 15, ["BUZON"] = 240, ["FALLIDA"] = 30, ["VOLVER_A_LLAMAR"] = 0 },
            CampaignSettings.Json);
        campaign.PauseReasonsJson = JsonSerializer.Serialize(
            new List<PauseReason>
            {
                new("break", "Descanso", 15),
                new("lunch", "Almuerzo", 60),
                new("training", "Capacitación", 30),
                new("backoffice", "Back office", 20),
                new("restroom", "Baño", 5),
            },
            CampaignSettings.Json);
        campaign.ScriptJson = JsonSerializer.Serialize(
            new List<ScriptStep>
            {
                new("greeting", "Saludo", "Buenos días, ¿hablo con {nombre}? Le saluda {asesor} de Telco Colombia. Esta llamada es grabada y monitoreada para fines de calidad."),
                new("offer", "Oferta", "Por ser cliente {plan}, tiene un cupo preaprobado de {cupo} para renovar su equipo. Le tenemos el {equipo} con entrega a domicilio sin costo."),
                new("preclose", "Precierre", "¿Qué le parece si le dejamos apartado el {equipo} y se lo llevamos esta semana? Puede diferirlo hasta en 24 cuotas en su factura."),
                new("preclose", "Manejo de objeciones", "Entiendo su inquietud. El valor se carga a su factura dentro de su cupo de {cupo}, sin cuota inicial y sin estudio adicional."),
                new("close", "Cierre", "Perfecto, {nombre}. Confirmo: {equipo}, cargado a su línea del plan {plan}. ¿Me confirma la dirección de entrega?"),
                new("contract", "Lectura del contrato", "Le leo las condiciones: el equipo queda financiado en su factura, con permanencia de 12 meses y derecho de retracto de 5 días hábiles. ¿Acepta las condiciones?", OnlyWhenSale: true),
                new("farewell", "Despedida", "Gracias por su tiempo, {nombre}. Que tenga un excelente día."),
            },
            CampaignSettings.Json);
        campaign.SimulationJson = JsonSerializer.Serialize(new SimulationProfile { AnswerRate = 0.3, MachineShare = 0.1, TalkMeanSeconds = 180, WrapMeanSeconds = 20, Seed = 2026 }, CampaignSettings.Json);
        db.OutboundCampaigns.Add(campaign);

        var high = new Segment(client.Id, outbound.Id, "Pospago alto cupo", 1, 60m, SegmentRules.Write(
        [
            new SegmentRule { Field = "plan", Match = SegmentMatch.In, Values = ["Pospago", "Pospago Plus"] },
            new SegmentRule { Field = "cupo", Match = SegmentMatch.Range, Min = "1000000" },
        ]));
        var rest = new Segment(client.Id, outbound.Id, "Resto", 2, 40m, "[]");
        db.Segments.AddRange(high, rest);

        var now = time.GetUtcNow();
        var leadBase = new LeadBase(client.Id, outbound.Id, "Base demo noviembre", "base_demo_noviembre.csv", now.AddDays(-1), null)
        {
            AttributeSchemaJson = LeadAttributeSchema.Write(
            [
                new("plan", LeadAttributeKind.Text, "Plan actual"),
                new("cupo", LeadAttributeKind.Number, "Cupo disponible"),
                new("equipo", LeadAttributeKind.Text, "Equipo ofrecido"),
                new("ciudad", LeadAttributeKind.Text, "Ciudad"),
            ]),
        };
        db.LeadBases.Add(leadBase);
        var highRules = SegmentRules.Parse(high.RulesJson);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(4);
        int excluded = 0;
        for (var i = 0; i < 300; i++)
        {
            var plan = Plans[random.Next(Plans.Length)];
            var cupo = plan.StartsWith("Pospago", StringComparison.Ordinal) ? random.Next(4, 31) * 100_000 : random.Next(1, 6) * 100_000;
            var attributes = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["plan"] = plan,
                ["cupo"] = cupo.ToString(CultureInfo.InvariantCulture),
                ["equipo"] = Devices[random.Next(Devices.Length)],
                ["ciudad"] = Cities[random.Next(Cities.Length)],
            });
            var document = (52_000_000L + (i * 104_729L)).ToString(CultureInfo.InvariantCulture);
            var name = $"{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]} {Last[random.Next(Last.Length)]}";
            var lead = new Lead(client.Id, outbound.Id, leadBase.Id, "CC", document, name, i + 2) { AttributesJson = attributes };
            var e164 = "+57350" + (1_000_000 + (i * 7_919)).ToString(CultureInfo.InvariantCulture);
            var phone = new LeadPhone(client.Id, outbound.Id, lead.Id, e164, 0);
            if (i % 60 == 7)
            {
                // A few numbers asked not to be called again: in the operation's list, excluded from the base.
                db.DncEntries.Add(new DncEntry(client.Id, outbound.Id, e164, "import", null, "Solicitud del titular"));
                phone.ExclusionReason = PolicyReasons.Dnc;
                lead.IsExcluded = true;
                excluded++;
            }

            lead.SegmentId = SegmentRules.Matches(highRules, new LeadFields(document, name, leadBase.Name, attributes), today) ? high.Id : rest.Id;
            db.Leads.Add(lead);
            db.LeadPhones.Add(phone);
        }

        leadBase.Rows = 300;
        leadBase.Accepted = 300;
        leadBase.Excluded = excluded;
    }
}

using ContactOps.Modules.Customers;
using ContactOps.Modules.Interactions;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;

namespace ContactOps.Modules.Demo;

/// <summary>
/// Demo escalation types of the premium inbound operation (seed 000: answers in 24 to 72 business hours) and a few
/// interactions: one solved in first contact, one escalated and overdue, one escalated and on time.
/// </summary>
internal static class InteractionsDemo
{
    public static void Add(AppDbContext db, Client client, Operation premium, TimeProvider time)
    {
        var types = new[]
        {
            new EscalationType(client.Id, premium.Id, "CREACION_PREDIO", "Estudio de creación de predio — recibo de servicio público", 72, "Operaciones — creación de predios"),
            new EscalationType(client.Id, premium.Id, "MATRIZ_NO_DISPONIBLE", "Habilitación de cuenta matriz (edificio no habilitado)", 72, "Operaciones — red"),
            new EscalationType(client.Id, premium.Id, "ESTUDIO_DOCUMENTO", "Estudio de documento del cliente", 24, "Back office de ventas"),
            new EscalationType(client.Id, premium.Id, "RECONEXION_CARTERA", "Revisión de cartera y reconexión (cancelado crédito)", 48, "Cartera"),
        };
        db.EscalationTypes.AddRange(types);

        var dispositions = db.Dispositions.Local.Where(d => d.OperationId == premium.Id).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var customers = db.Customers.Local.Where(c => c.ClientId == client.Id).OrderBy(c => c.DocumentNumber == "1020304050" ? 0 : 1).ThenBy(c => c.Id).Take(3).ToList();
        if (customers.Count < 3 || !dispositions.TryGetValue("ESCALADO", out var escalated) || !dispositions.TryGetValue("INFORMACION", out var info))
        {
            return;
        }

        var calendar = client.Calendar();
        var now = time.GetUtcNow();

        // Solved in first contact two days ago.
        var solved = new Interaction(client.Id, premium.Id, InteractionChannel.Voice, "CALL-DEMO-0001", "4101", "agent.premium-sales", null, now.AddDays(-2));
        solved.Identify(customers[1].Id);
        solved.RecordRequest("Consulta de cobertura de fibra en su dirección.", "CONSULTA_COBERTURA");
        solved.RecordPremiseCheck(PremiseCheck.Clear);
        solved.Close(info.Id, info.Code, InteractionResolution.SolvedFirstContact, now.AddDays(-2).AddMinutes(6));

        // Escalated eight days ago for a 24-business-hour study: overdue.
        var overdueOpened = now.AddDays(-8);
        var late = new Interaction(client.Id, premium.Id, InteractionChannel.WhatsApp, null, null, null, null, overdueOpened);
        late.Identify(customers[2].Id);
        late.RecordRequest("Envía copia del documento para validar la titularidad.", "VALIDACION_TITULAR");
        late.Close(escalated.Id, escalated.Code, InteractionResolution.Escalated, overdueOpened.AddMinutes(9));
        var lateEscalation = new Escalation(late, types[2], overdueOpened.AddMinutes(9), calendar.AddBusinessHours(overdueOpened.AddMinutes(9), types[2].TargetBusinessHours));

        // María Fernanda: premise not created, utility bill sent for the creation study an hour ago (72 business hours).
        var recentOpened = now.AddHours(-1);
        var recent = new Interaction(client.Id, premium.Id, InteractionChannel.Voice, "CALL-DEMO-0002", "4102", "agent.premium-sales", null, recentOpened);
        recent.Identify(customers[0].Id);
        recent.RecordRequest("Quiere instalar hogar (internet + TV) en un predio nuevo.", "INSTALACION_HOGAR");
        recent.RecordPremiseCheck(PremiseCheck.NotCreated);
        recent.Close(escalated.Id, escalated.Code, InteractionResolution.Escalated, recentOpened.AddMinutes(12));
        var recentEscalation = new Escalation(recent, types[0], recentOpened.AddMinutes(12), calendar.AddBusinessHours(recentOpened.AddMinutes(12), types[0].TargetBusinessHours));

        db.Interactions.AddRange(solved, late, recent);
        db.Escalations.AddRange(lateEscalation, recentEscalation);
    }
}

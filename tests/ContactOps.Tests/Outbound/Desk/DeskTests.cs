using System.Net.Http.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Sales;
using ContactOps.Modules.Sales.Features;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Outbound.Desk;

/// <summary>The agent's outbound desk on both engines: presence and pauses, the disposition being required, the wrap-up default, callbacks, DNC, the sale handoff, tenancy.</summary>
public class DeskTests
{
    // Tuesday 1 December 2026, 10:00 in Bogotá (a working day inside the contact hours).
    private static readonly DateTimeOffset Tuesday10 = Bogota.At(2026, 12, 1, 10);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_disposition_is_required_before_the_next_call(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);

        var first = await DeskApi.ReadyForLeadAsync(agent);
        var lead = first.GetProperty("lead");
        Assert.Equal(desk.Leads[0].Id, lead.GetProperty("leadId").GetGuid());
        // The script comes with the lead's fields substituted.
        var script = lead.GetProperty("script").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal("Buenos días, ¿hablo con Carlos Andrés Pérez Gómez?", script[0]);
        Assert.Equal("Tiene aprobado un Galaxy A55 con cuota de 89900 para su plan Pospago 45.", script[1]);

        var started = await DeskApi.OkAsync(await agent.PostAsync("calls", new { leadId = desk.Leads[0].Id }));
        Assert.Equal("InCall", started.GetProperty("state").GetString());
        var attemptId = started.GetProperty("attempt").GetProperty("attemptId").GetGuid();
        await DeskApi.OkAsync(await agent.PostAsync("calls/end"));

        // No next lead, no ready, no logout while the attempt lacks its disposition.
        foreach (var path in new[] { "next", "ready", "logout" })
        {
            var refused = await DeskApi.ProblemAsync(await agent.PostAsync(path));
            Assert.Equal(409, refused.Status);
            Assert.Equal("desk.disposition_required", refused.Code);
            Assert.Contains("tipificación", refused.Body, StringComparison.Ordinal);
        }

        var unknown = await DeskApi.ProblemAsync(await agent.PostAsync("dispositions", new { attemptId, code = "NO_EXISTE" }));
        Assert.Equal(400, unknown.Status);

        desk.Clock.Advance(TimeSpan.FromSeconds(20));
        var done = await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId, code = "NO_INTERESADO" }));
        Assert.Equal("Ready", done.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, done.GetProperty("attempt").ValueKind);

        var stored = await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId));
        Assert.Equal("NO_INTERESADO", stored.DispositionCode);
        Assert.False(stored.DispositionDefaulted);
        Assert.Equal(CallResult.Answered, stored.Result);
        Assert.Equal(20, stored.WrapSeconds);
        var leadRow = await desk.DbAsync(db => db.Leads.SingleAsync(l => l.Id == desk.Leads[0].Id));
        Assert.True(leadRow.IsFinal);
        Assert.Equal(1, leadRow.Attempts);
        Assert.Equal("NO_INTERESADO", leadRow.LastDispositionCode);

        // A second disposition of the same attempt is refused; the next lead is another one.
        Assert.Equal(409, (await DeskApi.ProblemAsync(await agent.PostAsync("dispositions", new { attemptId, code = "VENTA" }))).Status);
        var second = await DeskApi.OkAsync(await agent.PostAsync("next"));
        Assert.Equal(desk.Leads[1].Id, second.GetProperty("lead").GetProperty("leadId").GetGuid());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_default_disposition_is_applied_when_the_wrap_up_limit_runs_out(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        await DeskApi.ReadyForLeadAsync(agent);
        var (_, attemptId, _) = await DeskApi.CallNextAsync(agent);
        desk.Clock.Advance(TimeSpan.FromSeconds(45));
        var ended = await DeskApi.OkAsync(await agent.PostAsync("calls/end"));
        Assert.Equal("WrapUp", ended.GetProperty("state").GetString());
        var sweep = desk.Get<WrapUpDefaults>();

        // 59 s into the 60 s wrap-up: nothing yet.
        desk.Clock.Advance(TimeSpan.FromSeconds(59));
        await sweep.RunOnceAsync(CancellationToken.None);
        Assert.Null((await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId))).DispositionCode);

        desk.Clock.Advance(TimeSpan.FromSeconds(1));
        await sweep.RunOnceAsync(CancellationToken.None);
        var attempt = await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId));
        Assert.Equal("NO_CONTESTA", attempt.DispositionCode);
        Assert.True(attempt.DispositionDefaulted);
        Assert.Equal(45, attempt.TalkSeconds);
        Assert.Equal(60, attempt.WrapSeconds);

        // The agent left unattended is paused (shown red on the floor) and may go ready again.
        var view = await DeskApi.OkAsync(await agent.GetAsync("/api/v1/outbound/desk" + DeskApi.Q));
        Assert.Equal("Paused", view.GetProperty("state").GetString());
        Assert.Equal(DeskSettings.WrapUpTimeoutReason, view.GetProperty("reasonCode").GetString());
        var supervisor = await desk.ClientAsync(DeskApp.Supervisor);
        var floor = await DeskApi.OkAsync(await supervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q));
        Assert.True(floor.GetProperty("agents")[0].GetProperty("overLimit").GetBoolean());
        await DeskApi.OkAsync(await agent.PostAsync("ready"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Callbacks_are_validated_and_come_back_when_due(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        await DeskApi.ReadyForLeadAsync(agent);
        var (_, attemptId, leadId) = await DeskApi.CallNextAsync(agent);

        async Task<string> RefusedAsync(object body)
        {
            var p = await DeskApi.ProblemAsync(await agent.PostAsync("dispositions", body));
            Assert.Equal(400, p.Status);
            return p.Body;
        }

        Assert.Contains("fecha y hora", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackForMe = true }), StringComparison.Ordinal);
        Assert.Contains("futuro", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = Tuesday10.AddHours(-1), callbackForMe = true }), StringComparison.Ordinal);
        Assert.Contains("para usted o para cualquier", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = Tuesday10.AddDays(1) }), StringComparison.Ordinal);
        // Sunday 6 December and Tuesday 8 December (a holiday) and 20:00 are outside the contact policy.
        Assert.Contains("domingos", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = Bogota.At(2026, 12, 6, 10), callbackForMe = true }), StringComparison.Ordinal);
        Assert.Contains("festivo", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = Bogota.At(2026, 12, 8, 10), callbackForMe = true }), StringComparison.Ordinal);
        Assert.Contains("horario", await RefusedAsync(new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = Bogota.At(2026, 12, 2, 20), callbackForMe = true }), StringComparison.Ordinal);

        var due = Bogota.At(2026, 12, 2, 9);
        var done = await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId, code = "VOLVER_A_LLAMAR", callbackAt = due, callbackForMe = true, note = "Pidió llamar mañana" }));
        var pending = done.GetProperty("callbacks").EnumerateArray().Single();
        Assert.Equal(leadId, pending.GetProperty("leadId").GetGuid());
        Assert.True(pending.GetProperty("forMe").GetBoolean());
        Assert.False(pending.GetProperty("isDue").GetBoolean());
        var callback = await desk.DbAsync(db => db.Callbacks.SingleAsync(c => c.LeadId == leadId));
        Assert.Equal(due, callback.DueAt);
        Assert.Equal(CallbackStatus.Pending, callback.Status);

        // Not due yet: the next lead is another one.
        var (_, otherAttempt, otherLead) = await DeskApi.CallNextAsync(agent);
        Assert.NotEqual(leadId, otherLead);
        await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId = otherAttempt, code = "NO_INTERESADO" }));

        // Tomorrow at 09:00 the callback comes back first, as a callback.
        desk.Clock.SetUtcNow(due.AddMinutes(1));
        agent = await desk.ClientAsync(DeskApp.Agent); // yesterday's token has expired
        var back = await DeskApi.OkAsync(await agent.PostAsync("next"));
        Assert.Equal(leadId, back.GetProperty("lead").GetProperty("leadId").GetGuid());
        Assert.Equal(callback.Id, back.GetProperty("lead").GetProperty("callbackId").GetGuid());
        Assert.True(back.GetProperty("callbacks")[0].GetProperty("isDue").GetBoolean());
        var started = await DeskApi.OkAsync(await agent.PostAsync("calls", new { leadId }));
        var callbackAttempt = started.GetProperty("attempt").GetProperty("attemptId").GetGuid();
        await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId = callbackAttempt, code = "NO_INTERESADO" }));
        var served = await desk.DbAsync(db => db.Callbacks.SingleAsync(c => c.Id == callback.Id));
        Assert.Equal(CallbackStatus.Done, served.Status);
        Assert.Equal(callbackAttempt, served.AttemptId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_DNC_disposition_lists_the_number_and_a_wrong_number_marks_it_unusable(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        await DeskApi.ReadyForLeadAsync(agent);
        var (_, attemptId, leadId) = await DeskApi.CallNextAsync(agent);
        var phone = desk.Leads.Single(l => l.Id == leadId).Phone;
        Assert.False(await desk.DbAsync(db => db.DncEntries.AnyAsync(d => d.E164 == phone)));
        await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId, code = "DNC" }));
        var entry = await desk.DbAsync(db => db.DncEntries.SingleAsync(d => d.E164 == phone));
        Assert.Equal("disposition", entry.Source);

        var (_, wrongAttempt, wrongLead) = await DeskApi.CallNextAsync(agent);
        await DeskApi.OkAsync(await agent.PostAsync("dispositions", new { attemptId = wrongAttempt, code = "NUMERO_ERRADO" }));
        var wrongPhone = await desk.DbAsync(db => db.LeadPhones.SingleAsync(p => p.LeadId == wrongLead));
        Assert.True(wrongPhone.IsUnusable);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_manual_call_the_policy_refuses_is_not_started(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Bogota.At(2026, 12, 1, 18, 50));
        var agent = await desk.ClientAsync(DeskApp.Agent);
        var next = await DeskApi.ReadyForLeadAsync(agent);
        var leadId = next.GetProperty("lead").GetProperty("leadId").GetGuid();

        // The agent lingers: at 19:00 the call is outside the contact hours.
        desk.Clock.SetUtcNow(Bogota.At(2026, 12, 1, 19));
        var refused = await DeskApi.ProblemAsync(await agent.PostAsync("calls", new { leadId }));
        Assert.Equal("desk.policy_refused", refused.Code);
        Assert.Contains("horario", refused.Body, StringComparison.Ordinal);
        Assert.Equal(0, await desk.DbAsync(db => db.CallAttempts.CountAsync(a => a.LeadId == leadId)));
        Assert.Equal(0, (await desk.DbAsync(db => db.Leads.SingleAsync(l => l.Id == leadId))).Attempts);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_sale_disposition_opens_the_sale_with_the_identity_evidence(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        await DeskApi.ReadyForLeadAsync(agent);
        var (_, attemptId, leadId) = await DeskApi.CallNextAsync(agent);

        var noIdentity = await DeskApi.ProblemAsync(await agent.PostAsync("dispositions", new
        {
            attemptId, code = "VENTA", sale = new { identityValidated = false, tariffCode = "TYT-A55", description = "Galaxy A55", monthlyValue = 89900m },
        }));
        Assert.Equal(400, noIdentity.Status);
        Assert.Contains("validación de identidad", noIdentity.Body, StringComparison.Ordinal);
        Assert.Null((await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId))).DispositionCode);

        var pdf = Convert.ToBase64String("%PDF-1.4 cédula del titular"u8.ToArray());
        await DeskApi.OkAsync(await agent.PostAsync("dispositions", new
        {
            attemptId, code = "VENTA",
            sale = new { identityValidated = true, tariffCode = "TYT-A55", description = "Galaxy A55 a 24 cuotas", monthlyValue = 89900m, evidenceFileName = "cedula.pdf", evidenceBase64 = pdf },
        }));

        var attempt = await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId));
        Assert.NotNull(attempt.SaleId);
        var sale = await desk.DbAsync(db => db.Sales.Include(s => s.Products).SingleAsync(s => s.Id == attempt.SaleId));
        Assert.Equal(SaleOrigin.OutboundDesk, sale.Origin);
        Assert.Equal(SaleKind.DeviceOnCredit, sale.Kind);
        Assert.Equal(SaleState.Registered, sale.State);
        Assert.Equal(attemptId, sale.InteractionId);
        Assert.Equal(89900m, sale.MonthlyValue);
        Assert.Equal("TYT-A55", Assert.Single(sale.Products).TariffCode);
        var customer = await desk.DbAsync(db => db.Customers.Include(c => c.Phones).SingleAsync(c => c.Id == sale.CustomerId));
        Assert.Equal(desk.Leads.Single(l => l.Id == leadId).Document, customer.DocumentNumber);
        Assert.Equal("Carlos Andrés", customer.FirstNames);
        Assert.Equal("Pérez Gómez", customer.LastNames);
        Assert.Contains(customer.Phones, p => p.E164 == attempt.PhoneE164);
        var evidence = await desk.DbAsync(db => db.SaleAttachments.Where(a => a.SaleId == sale.Id).ToListAsync());
        Assert.Equal(2, evidence.Count);
        Assert.All(evidence, e => Assert.Equal(SaleAttachmentKind.IdentityValidation, e.Kind));
        Assert.Contains(evidence, e => e.ContentType == "application/pdf" && e.FileName == "cedula.pdf");
        Assert.True((await desk.DbAsync(db => db.Leads.SingleAsync(l => l.Id == leadId))).IsFinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pauses_need_a_campaign_reason_are_timed_and_every_change_is_logged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        var supervisor = await desk.ClientAsync(DeskApp.Supervisor);

        Assert.Equal("desk.not_joined", (await DeskApi.ProblemAsync(await agent.PostAsync("ready"))).Code);
        var joined = await DeskApi.OkAsync(await agent.PostAsync("join"));
        Assert.Equal(new[] { "break", "training" }, joined.GetProperty("pauseReasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray());
        Assert.Contains(joined.GetProperty("dispositions").EnumerateArray(), d => d.GetProperty("code").GetString() == "VENTA" && d.GetProperty("sale").GetBoolean());

        var bad = await DeskApi.ProblemAsync(await agent.PostAsync("pause", new { reasonCode = "siesta" }));
        Assert.Equal(400, bad.Status);
        Assert.Contains("motivo de pausa", bad.Body, StringComparison.Ordinal);

        await DeskApi.OkAsync(await agent.PostAsync("ready"));
        desk.Clock.Advance(TimeSpan.FromMinutes(5));
        await DeskApi.OkAsync(await agent.PostAsync("pause", new { reasonCode = "break" }));
        desk.Clock.Advance(TimeSpan.FromMinutes(14));
        var floor = await DeskApi.OkAsync(await supervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q));
        var row = floor.GetProperty("agents").EnumerateArray().Single();
        Assert.Equal("Paused", row.GetProperty("state").GetString());
        Assert.Equal("Descanso", row.GetProperty("reasonName").GetString());
        Assert.Equal(14 * 60, row.GetProperty("secondsInState").GetInt32());
        Assert.False(row.GetProperty("overLimit").GetBoolean());
        Assert.Equal(1, floor.GetProperty("snapshot").GetProperty("paused").GetInt32());

        desk.Clock.Advance(TimeSpan.FromMinutes(2));
        floor = await DeskApi.OkAsync(await supervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q));
        Assert.True(floor.GetProperty("agents")[0].GetProperty("overLimit").GetBoolean());

        await DeskApi.OkAsync(await agent.PostAsync("ready"));
        await DeskApi.OkAsync(await agent.PostAsync("logout"));
        floor = await DeskApi.OkAsync(await supervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q));
        Assert.Empty(floor.GetProperty("agents").EnumerateArray());

        var log = await desk.DbAsync(db => db.AgentStateChanges.OrderBy(c => c.At).ToListAsync());
        Assert.Equal(
            new[] { (AgentFloorState.Paused, (string?)null, Tuesday10), (AgentFloorState.Ready, null, Tuesday10), (AgentFloorState.Paused, "break", Tuesday10.AddMinutes(5)), (AgentFloorState.Ready, null, Tuesday10.AddMinutes(21)), (AgentFloorState.LoggedOut, null, Tuesday10.AddMinutes(21)) },
            log.Select(c => (c.State, c.ReasonCode, c.At)).ToArray());
        Assert.All(log, c => Assert.Equal(DeskApp.Agent, c.Login));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_desk_and_the_floor_respect_roles_and_tenancy(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var desk = await DeskApp.StartAsync(app, Tuesday10);
        var agent = await desk.ClientAsync(DeskApp.Agent);
        var supervisor = await desk.ClientAsync(DeskApp.Supervisor);
        var otherClientAgent = await desk.ClientAsync("agent.digital-sales");
        var otherOperationSupervisor = await desk.ClientAsync("supervisor.premium-sales");

        // Another client's agent and another operation's supervisor don't even see the campaign.
        Assert.Equal(404, (await DeskApi.ProblemAsync(await otherClientAgent.PostAsync("join"))).Status);
        Assert.Equal(404, (await DeskApi.ProblemAsync(await otherOperationSupervisor.GetAsync("/api/v1/outbound/floor" + DeskApi.Q))).Status);
        // The desk is the agents'; the floor is the supervisors'.
        Assert.Equal(403, (await DeskApi.ProblemAsync(await supervisor.PostAsync("join"))).Status);
        Assert.Equal(403, (await DeskApi.ProblemAsync(await agent.GetAsync("/api/v1/outbound/floor" + DeskApi.Q))).Status);

        // An attempt of this agent cannot be dispositioned by anyone else.
        await DeskApi.ReadyForLeadAsync(agent);
        var (_, attemptId, _) = await DeskApi.CallNextAsync(agent);
        var outsider = await DeskApi.ProblemAsync(await otherClientAgent.PostAsJsonAsync("/api/v1/outbound/desk/dispositions?operation=digital-sales", new { attemptId, code = "VENTA" }));
        Assert.True(outsider.Status is 400 or 404, outsider.Body);
        Assert.Null((await desk.DbAsync(db => db.CallAttempts.SingleAsync(a => a.Id == attemptId))).DispositionCode);
        Assert.Empty(app.LoggedErrors);
    }
}

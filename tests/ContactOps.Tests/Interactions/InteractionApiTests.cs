using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;

namespace ContactOps.Tests.Interactions;

/// <summary>The interactions and escalations API: validation as ProblemDetails, roles, isolation, the agent's whole flow.</summary>
public class InteractionApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_agent_identifies_records_and_escalates_and_a_supervisor_sees_it_in_the_queue(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var opened = await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Voice", callId = "1700000123", extension = "4101", agentLogin = "mfrodriguez" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var id = (await Demo.JsonAsync(opened)).GetProperty("id").GetGuid();

        var customerId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var identified = await Demo.JsonAsync(await agent.PutAsJsonAsync($"/api/v1/interactions/{id}/customer", new { customerId }));
        Assert.Equal("María Fernanda Rodríguez Peña", identified.GetProperty("customerName").GetString());

        var checkedPremise = await Demo.JsonAsync(await agent.PutAsJsonAsync($"/api/v1/interactions/{id}/premise-check",
            new { outcome = "NotCreated", request = "Instalación de hogar en predio nuevo", typology = "INSTALACION_HOGAR" }));
        Assert.Equal("NotCreated", checkedPremise.GetProperty("premiseCheck").GetString());

        var closed = await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "ESCALADO", resolution = "Escalated", escalationType = "CREACION_PREDIO" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await Demo.JsonAsync(closed);
        var promised = body.GetProperty("promised");
        Assert.EndsWith("-05:00", promised.GetProperty("dueLocal").GetString(), StringComparison.Ordinal);
        Assert.Contains(" de ", promised.GetProperty("dueText").GetString(), StringComparison.Ordinal);
        Assert.Equal(72, promised.GetProperty("businessHours").GetInt32());
        Assert.Equal("INSTALACION_HOGAR", body.GetProperty("interaction").GetProperty("typology").GetString());
        var escalationId = body.GetProperty("interaction").GetProperty("escalation").GetProperty("id").GetGuid();

        // Closing twice is refused.
        var again = await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "INFORMACION" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The agent does not work the queue; the supervisor does and answers it.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/escalations?operation=premium-sales")).StatusCode);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var queue = await Demo.JsonAsync(await supervisor.GetAsync("/api/v1/escalations?operation=premium-sales&filter=open&pageSize=100"));
        Assert.Contains(queue.GetProperty("page").GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == escalationId);
        Assert.True(queue.GetProperty("counts").GetProperty("overdue").GetInt64() >= 1); // the demo's overdue case
        var answered = await supervisor.PostAsJsonAsync($"/api/v1/escalations/{escalationId}/answer", new { answer = "Predio creado; se puede agendar la instalación." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("Answered", (await Demo.JsonAsync(answered)).GetProperty("state").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Closing_without_a_disposition_and_a_call_without_call_id_are_refused_as_problem_details(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var noCallId = await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Voice", extension = "4101", agentLogin = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noCallId.StatusCode);
        Assert.Equal("application/problem+json", noCallId.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(noCallId);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("callId", out _));
        Assert.False(problem.GetProperty("errors").TryGetProperty("extension", out _));

        var badChannel = await Demo.JsonAsync(await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Fax" }));
        Assert.Contains("WhatsApp", badChannel.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);

        // A chat needs no call id.
        var chat = await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "WhatsApp" });
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var id = (await Demo.JsonAsync(chat)).GetProperty("id").GetGuid();

        var noDisposition = await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { resolution = "SolvedFirstContact" });
        Assert.Equal(HttpStatusCode.BadRequest, noDisposition.StatusCode);
        var refused = await Demo.JsonAsync(noDisposition);
        Assert.Equal("interaction.disposition_required", refused.GetProperty("code").GetString());
        Assert.Contains("sin tipificación", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var foreignDisposition = await Demo.JsonAsync(await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "NO_CONTESTA" }));
        Assert.Equal("interaction.disposition_unknown", foreignDisposition.GetProperty("code").GetString());

        var escalateWithoutType = await Demo.JsonAsync(await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "ESCALADO", resolution = "Escalated" }));
        Assert.True(escalateWithoutType.GetProperty("errors").TryGetProperty("escalationType", out _));

        // Still open after the refusals: nothing was closed.
        var still = await Demo.JsonAsync(await agent.GetAsync($"/api/v1/interactions/{id}"));
        Assert.Equal(JsonValueKind.Null, still.GetProperty("closedAt").ValueKind);

        var badQueue = await (await app.ClientForAsync("supervisor.premium-sales")).GetAsync("/api/v1/escalations?filter=late&pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, badQueue.StatusCode);
        var queueProblem = await Demo.JsonAsync(badQueue);
        Assert.True(queueProblem.GetProperty("errors").TryGetProperty("filter", out _));
        Assert.True(queueProblem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_telco_bo_user_gets_404_on_a_telco_co_interaction_and_escalation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var co = await app.ClientForAsync("agent.premium-sales");
        var id = (await Demo.JsonAsync(await co.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Email" }))).GetProperty("id").GetGuid();
        var escalated = await Demo.JsonAsync(await co.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "ESCALADO", resolution = "Escalated", escalationType = "ESTUDIO_DOCUMENTO" }));
        var escalationId = escalated.GetProperty("interaction").GetProperty("escalation").GetProperty("id").GetGuid();

        var bo = await app.ClientForAsync("agent.digital-sales");
        var boLeader = await app.ClientForAsync("supervisor.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/api/v1/interactions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PutAsJsonAsync($"/api/v1/interactions/{id}/premise-check", new { outcome = "Clear" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "ESCALADO" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boLeader.PostAsJsonAsync($"/api/v1/escalations/{escalationId}/answer", new { answer = "no es mío" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boLeader.GetAsync("/api/v1/escalations?operation=premium-sales")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Email" })).StatusCode);

        // The Bolivian supervisor's own queue does not show the Colombian case either.
        var own = await Demo.JsonAsync(await boLeader.GetAsync("/api/v1/escalations"));
        Assert.DoesNotContain(own.GetProperty("page").GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == escalationId);

        // A Colombian customer cannot be linked from Bolivia's side, nor a Bolivian one to a Colombian interaction.
        var boCustomer = await Demo.CustomerIdAsync(app, Demo.BoDocument);
        var mixed = await co.PutAsJsonAsync($"/api/v1/interactions/{(await Demo.JsonAsync(await co.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "WebChat" }))).GetProperty("id").GetGuid()}/customer", new { customerId = boCustomer });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Escalation_types_are_configured_by_coordinators_not_agents(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var coordinator = await app.ClientForAsync("coordinator.premium-sales");

        var types = await Demo.JsonAsync(await agent.GetAsync("/api/v1/escalations/types?operation=premium-sales"));
        var premise = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "CREACION_PREDIO");
        Assert.Equal("Estudio de creación de predio — recibo de servicio público", premise.GetProperty("name").GetString());
        Assert.Equal(72, premise.GetProperty("targetBusinessHours").GetInt32());

        var request = new { operation = "premium-sales", code = "PORTABILIDAD_NIP", name = "Reenvío de NIP de portabilidad", targetBusinessHours = 24, destinationArea = "Portabilidad" };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/escalations/types", request)).StatusCode);
        var created = await coordinator.PostAsJsonAsync("/api/v1/escalations/types", request);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var typeId = (await Demo.JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync("/api/v1/escalations/types", request)).StatusCode);

        var invalid = await Demo.JsonAsync(await coordinator.PostAsJsonAsync("/api/v1/escalations/types", new { operation = "premium-sales", code = "x y", name = "", targetBusinessHours = 0 }));
        foreach (var field in new[] { "code", "name", "targetBusinessHours", "destinationArea" })
        {
            Assert.True(invalid.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        // Deactivated, it can no longer be chosen to escalate.
        var updated = await coordinator.PutAsJsonAsync($"/api/v1/escalations/types/{typeId}", new { request.name, request.targetBusinessHours, request.destinationArea, active = false });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var id = (await Demo.JsonAsync(await agent.PostAsJsonAsync("/api/v1/interactions", new { operation = "premium-sales", channel = "Email" }))).GetProperty("id").GetGuid();
        var refused = await Demo.JsonAsync(await agent.PostAsJsonAsync($"/api/v1/interactions/{id}/close", new { disposition = "ESCALADO", resolution = "Escalated", escalationType = "PORTABILIDAD_NIP" }));
        Assert.Equal("escalation.type_unknown", refused.GetProperty("code").GetString());
    }
}

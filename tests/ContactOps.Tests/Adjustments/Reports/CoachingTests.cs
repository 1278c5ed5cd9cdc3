using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using static ContactOps.Tests.Adjustments.Reports.ReportsKit;

namespace ContactOps.Tests.Adjustments.Reports;

/// <summary>The weekly top 5, the coaching commitment, the agent's "estoy enterado" and the improvement tracking on <see cref="ReportsKit"/>.</summary>
public class CoachingTests
{
    private const string Supervisor = "supervisor.adjustments-cell";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Top5_ranks_the_weeks_rejections_with_documented_ties(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);

        // Week 10: ana 3/3, beto 3/4, dora 2/2, carla 2/3, agent.premium-sales 1/2 (P2 corrected: not counted), eva 1/2.
        // Ties: rejected desc → rate desc (ana before beto, dora before carla) → login ordinal (agent.premium-sales before zz.eva, who is 6th).
        // zz.fede's record was pending in week 10 and rejected on 11 March: it belongs to week 11 only.
        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "report", "adjustments-top", "--operation", Op, "--week", "2031-W10", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2031-W10", root.GetProperty("week").GetString());
        Assert.Equal("2031-03-03", root.GetProperty("from").GetString());
        Assert.Equal("2031-03-09", root.GetProperty("to").GetString());
        var agents = root.GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(
            [(1, "zz.ana", 3, 3, 100m), (2, "zz.beto", 4, 3, 75m), (3, "zz.dora", 2, 2, 100m), (4, "zz.carla", 3, 2, 66.67m), (5, Aps, 2, 1, 50m)],
            agents.Select(a => (a.GetProperty("rank").GetInt32(), a.GetProperty("login").GetString(), a.GetProperty("total").GetInt32(), a.GetProperty("rejected").GetInt32(), a.GetProperty("rejectionRate").GetDecimal())).ToList());
        Assert.Equal([("Sin soporte", 2), ("Causal errada", 1)], agents[0].GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("count").GetInt32())).ToList());
        Assert.Equal([("A", 2), ("D", 1)], agents[0].GetProperty("causes").EnumerateArray().Select(c => (c.GetProperty("letter").GetString(), c.GetProperty("count").GetInt32())).ToList());
        Assert.False(string.IsNullOrEmpty(agents[0].GetProperty("causes")[0].GetProperty("name").GetString()));
        Assert.Equal([("Valor errado", 2), ("Sin soporte", 1)], agents[1].GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("count").GetInt32())).ToList());
        Assert.Equal("(sin motivo)", agents[2].GetProperty("reasons")[0].GetProperty("reason").GetString());
        Assert.Equal([("Fuera de tiempo", 1), ("Sin soporte", 1)], agents[3].GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("count").GetInt32())).ToList());
        Assert.All(agents, a => Assert.Equal("none", a.GetProperty("coaching").GetString()));

        // Week 11: only zz.fede's rejection (P2's rejection was in week 10, and it was corrected).
        var supervisor = await app.ClientForAsync(Supervisor);
        var w11 = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/adjustments/coaching/top?operation={Op}&week=2031-W11");
        Assert.Equal([("zz.fede", 1, 1)], w11.GetProperty("agents").EnumerateArray().Select(a => (a.GetProperty("login").GetString(), a.GetProperty("total").GetInt32(), a.GetProperty("rejected").GetInt32())).ToList());

        // Validation: exit 2 / 400 with a Spanish message.
        var bad = await CalendarCliTests.RunAsync(app, "report", "adjustments-top", "--operation", Op, "--week", "2031-10");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("semana ISO", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "adjustments-top", "--operation", Op, "--week", "2031-W54", "--json")).Exit);
        var problem = await supervisor.GetAsync($"/api/v1/adjustments/coaching/top?operation={Op}&week=semana");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("AAAA-Www", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bolivia = await app.ClientForAsync("supervisor.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync($"/api/v1/adjustments/coaching/top?operation={Op}&week=2031-W10")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Supervisor_commits_the_agent_acknowledges_once_and_improvement_is_tracked(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var supervisor = await app.ClientForAsync(Supervisor);

        // Only leaders of the cell write commitments, only for an agent of the week's top 5, with a commitment.
        var request = new { operation = Op, week = "2031-W10", login = "Agent.Premium-Sales", commitment = "Adjuntar la factura y el soporte antes de radicar." };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("backoffice.adjustments-cell")).PostAsJsonAsync("/api/v1/adjustments/coaching", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("qualityanalyst.adjustments-cell")).PostAsJsonAsync("/api/v1/adjustments/coaching", request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Aps)).PostAsJsonAsync("/api/v1/adjustments/coaching", request)).StatusCode); // not a member of the cell
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("supervisor.digital-sales")).PostAsJsonAsync("/api/v1/adjustments/coaching", request)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { login = "zz.eva" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { commitment = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { week = "2031-W99" })).StatusCode);

        var written = await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var view = await written.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal(Aps, view.GetProperty("login").GetString());
        Assert.Equal((1, 2, 50m), (view.GetProperty("rejected").GetInt32(), view.GetProperty("total").GetInt32(), view.GetProperty("baselineRate").GetDecimal()));
        Assert.Equal("committed", view.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { login = "zz.beto" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { login = "zz.dora" })).StatusCode);

        // "Estoy enterado": only the coached user (case-insensitive login), once.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/v1/adjustments/coaching/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("agent.sales-cell")).PostAsync($"/api/v1/adjustments/coaching/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("agent.digital-sales")).PostAsync($"/api/v1/adjustments/coaching/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/v1/adjustments/coaching/{Guid.NewGuid()}/acknowledge", null)).StatusCode);

        var agent = await app.ClientForAsync(Aps);
        var mine = await agent.GetFromJsonAsync<JsonElement>("/api/v1/adjustments/coaching/mine");
        var item = Assert.Single(mine.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("committed", item.GetProperty("status").GetString());
        Assert.Equal("Adjuntar la factura y el soporte antes de radicar.", item.GetProperty("commitment").GetString());

        var before = TimeProvider.System.GetUtcNow().AddSeconds(-5);
        var ack = await agent.PostAsync($"/api/v1/adjustments/coaching/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var signed = (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedAt").GetDateTimeOffset();
        Assert.InRange(signed, before, TimeProvider.System.GetUtcNow().AddSeconds(5));
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsync($"/api/v1/adjustments/coaching/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync("/api/v1/adjustments/coaching", request with { commitment = "Otro texto" })).StatusCode);

        // Improvement: weeks after W10 with cuts are W11 and W12 (W13, W14 have none).
        // agent.premium-sales: baseline 50 % → W11 0/2 = 0 %, W12 no records → improved.
        mine = await agent.GetFromJsonAsync<JsonElement>("/api/v1/adjustments/coaching/mine");
        item = Assert.Single(mine.EnumerateArray());
        Assert.Equal("acknowledged", item.GetProperty("status").GetString());
        var improvement = item.GetProperty("improvement");
        Assert.Equal("improved", improvement.GetProperty("verdict").GetString());
        Assert.Equal(["2031-W11", "2031-W12"], improvement.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("week").GetString()!).ToArray());
        Assert.Equal(0m, improvement.GetProperty("weeks")[0].GetProperty("rate").GetDecimal());
        Assert.Equal(JsonValueKind.Null, improvement.GetProperty("weeks")[1].GetProperty("rate").ValueKind);

        // The supervisor's top shows the statuses and verdicts: beto 75 % → W12 1/1 = 100 % → not improved; dora: no records after → no data.
        var top = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/adjustments/coaching/top?operation={Op}&week=2031-W10");
        var byLogin = top.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("login").GetString()!);
        Assert.Equal("acknowledged", byLogin[Aps].GetProperty("coaching").GetString());
        Assert.Equal(id, byLogin[Aps].GetProperty("coachingId").GetGuid());
        Assert.Equal("committed", byLogin["zz.beto"].GetProperty("coaching").GetString());
        Assert.Equal("notImproved", byLogin["zz.beto"].GetProperty("improvement").GetProperty("verdict").GetString());
        Assert.Equal("noData", byLogin["zz.dora"].GetProperty("improvement").GetProperty("verdict").GetString());
        Assert.Equal("none", byLogin["zz.ana"].GetProperty("coaching").GetString());

        // Another agent sees none of it.
        Assert.Empty((await (await app.ClientForAsync("agent.sales-cell")).GetFromJsonAsync<JsonElement>("/api/v1/adjustments/coaching/mine")).EnumerateArray());
        Assert.Empty(app.LoggedErrors);
    }
}

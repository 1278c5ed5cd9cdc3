using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Outbound.Stats;

/// <summary>The outbound section of the KPI report, its drill-down to the raw attempts, and the goals editor (hand-built data of <see cref="KpiTests"/>).</summary>
public class DrillTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_kpi_section_figures_drill_down_to_their_attempts(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await KpiTests.SeedAsync(app);
        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");

        var report = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/reports/kpis?operation=devices-outbound&from=2026-11-23&to=2026-11-24");
        var section = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "outbound");
        var figures = section.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!);

        // Same figures as `report kpis`, with the seeded targets and their state: effectiveness 20 % ≥ 2 % (green), contactability 70 % ≥ 70 % (green),
        // coverage 75 % < 85 % (red), goal attainment 6.25 % < 80 % (red), effective-contact rate 40 % < 60 % (red).
        Assert.Equal(0.2m, figures["effectiveness"].GetProperty("value").GetDecimal());
        Assert.True(figures["effectiveness"].GetProperty("meetsTarget").GetBoolean());
        Assert.True(figures["contactability"].GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(0.75m, figures["baseCoverage"].GetProperty("value").GetDecimal());
        Assert.False(figures["baseCoverage"].GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(0.0625m, figures["goalAttainment"].GetProperty("value").GetDecimal());
        Assert.False(figures["goalAttainment"].GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(0.02m, figures["effectiveness"].GetProperty("target").GetDecimal());
        Assert.False(figures["effectiveContactRate"].GetProperty("meetsTarget").GetBoolean());

        // Trend: one value per day (23rd: 1 sale of 6 attempts; 24th: 1 of 4).
        var trend = section.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "effectiveness").GetProperty("values");
        Assert.Equal(1m / 6, trend[0].GetDecimal(), 6);
        Assert.Equal(0.25m, trend[1].GetDecimal());

        // Breakdown: A and B by name, the unattended calls as "(sin asesor)"; teams Norte and Sur.
        var byAgent = section.GetProperty("byAgent").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("values").GetProperty("attempts").GetDecimal());
        Assert.Equal(3m, byAgent["Asesor devices-outbound"]);
        Assert.Equal(4m, byAgent["(sin asesor)"]);
        var byTeam = section.GetProperty("byTeam").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("values").GetProperty("sales").GetDecimal());
        Assert.Equal(1m, byTeam["Norte"]);
        Assert.Equal(1m, byTeam["Sur"]);

        // Drill-downs: the figure's URL names the attempts page; the same query on the API lists exactly its records.
        async Task<JsonElement> Drill(string code)
        {
            var url = figures[code].GetProperty("drillUrl").GetString()!;
            Assert.StartsWith("/outbound/attempts?", url, StringComparison.Ordinal);
            return await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/attempts" + url["/outbound/attempts".Length..]);
        }

        var sales = await Drill("effectiveness");
        Assert.Equal(2, sales.GetProperty("total").GetInt64());
        Assert.All(sales.GetProperty("items").EnumerateArray(), i => Assert.Equal("VENTA", i.GetProperty("disposition").GetString()));
        Assert.Equal(7, (await Drill("contactability")).GetProperty("total").GetInt64());
        Assert.Equal(5, (await Drill("contacts")).GetProperty("total").GetInt64());
        Assert.Equal(10, (await Drill("attempts")).GetProperty("total").GetInt64());

        // Hour, agent and team filters; the CSV has the header and one line per attempt.
        var nine = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24&hour=9");
        Assert.Equal(5, nine.GetProperty("total").GetInt64());
        var agentB = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24&agent=backoffice.devices-outbound&flag=contact");
        Assert.Equal(3, agentB.GetProperty("total").GetInt64());
        var north = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24&team=Norte");
        Assert.Equal(3, north.GetProperty("total").GetInt64());
        var csv = await supervisor.GetStringAsync("/api/v1/outbound/attempts.csv?operation=devices-outbound&from=2026-11-23&to=2026-11-23&flag=sale");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-11-23 09:10:00;+573002220001;agent.devices-outbound;Answered;VENTA", lines[1], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24&flag=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24&hour=24")).StatusCode);
        var agent = await app.ClientForAsync("agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/outbound/attempts?operation=devices-outbound&from=2026-11-23&to=2026-11-24")).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_goals_editor_saves_weekday_goals_and_date_overrides(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await KpiTests.SeedAsync(app);
        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");

        // Weekdays Mon–Fri 10, Saturday 5; the 24th's override removed, the 28th (Saturday) set to 0.
        var response = await supervisor.PutAsJsonAsync("/api/v1/outbound/goals", new
        {
            operation = "devices-outbound",
            weekday = new Dictionary<string, int> { ["Monday"] = 10, ["Tuesday"] = 10, ["Wednesday"] = 10, ["Thursday"] = 10, ["Friday"] = 10, ["Saturday"] = 5 },
            days = new object[] { new { date = "2026-11-24", sales = (int?)null }, new { date = "2026-11-28", sales = 0 } },
            from = "2026-11-23",
            to = "2026-11-29",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        // 10 × 5 + 0 (Saturday overridden) + 0 (Sunday) = 50.
        Assert.Equal(50, view.GetProperty("total").GetInt64());
        var kpis = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/reports/kpis?operation=devices-outbound&from=2026-11-23&to=2026-11-29");
        Assert.Equal(50, kpis.GetProperty("goal").GetInt64());

        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PutAsJsonAsync("/api/v1/outbound/goals", new { operation = "devices-outbound", weekday = new Dictionary<string, int> { ["Lunes"] = 3 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PutAsJsonAsync("/api/v1/outbound/goals", new { operation = "devices-outbound", days = new object[] { new { date = "2026-11-23", sales = -1 } } })).StatusCode);
        var quality = await app.ClientForAsync("qualityanalyst.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.PutAsJsonAsync("/api/v1/outbound/goals", new { operation = "devices-outbound", weekday = new Dictionary<string, int> { ["Monday"] = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.GetAsync("/api/v1/outbound/goals?operation=devices-outbound&from=2026-11-01&to=2026-11-30")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using MiniExcelLibs;
using static ContactOps.Tests.Adjustments.Reports.ReportsKit;

namespace ContactOps.Tests.Adjustments.Reports;

/// <summary>The three KPI formulas on the hand-built base of <see cref="ReportsKit"/> (expected numbers computed by hand there).</summary>
public class AdjustmentsKpiTests
{
    private const string Supervisor = "supervisor.adjustments-cell";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Kpis_follow_the_formulas_by_agent_with_inclusive_period_ends(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var supervisor = await app.ClientForAsync(Supervisor);

        // Week 10 (3–9 March): 17 records; rejected = 13 (P2 was corrected, so not "rejected"); corrected = 1 (P2);
        // applied = 3 (B4, E2, and P2 approved in the next cut). 13/17 = 76.47 %, 1/17 = 5.88 %, 3/17 = 17.65 %.
        using (var json = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09")))
        {
            var k = json.RootElement;
            Assert.Equal(17, k.GetProperty("total").GetInt32());
            Assert.Equal(13, k.GetProperty("rejected").GetInt32());
            Assert.Equal(1, k.GetProperty("corrected").GetInt32());
            Assert.Equal(3, k.GetProperty("applied").GetInt32());
            Assert.Equal(76.47m, k.GetProperty("rejectedPct").GetDecimal());
            Assert.Equal(5.88m, k.GetProperty("correctedPct").GetDecimal());
            Assert.Equal(17.65m, k.GetProperty("appliedPct").GetDecimal());
            var byAgent = k.GetProperty("byAgent").EnumerateArray()
                .Select(a => (a.GetProperty("login").GetString(), a.GetProperty("total").GetInt32(), a.GetProperty("rejected").GetInt32(), a.GetProperty("corrected").GetInt32(), a.GetProperty("applied").GetInt32()))
                .ToList();
            Assert.Equal(
                [(Aps, 2, 1, 1, 1), ("zz.ana", 3, 3, 0, 0), ("zz.beto", 4, 3, 0, 1), ("zz.carla", 3, 2, 0, 0), ("zz.dora", 2, 2, 0, 0), ("zz.eva", 2, 1, 0, 1), ("zz.fede", 1, 1, 0, 0)],
                byAgent);
        }

        // Both ends inclusive: 6–11 March takes the cuts of the 6th and the 11th: B1–B4, C2, E1, F1, P2, A4, A5, P3 = 11;
        // rejected B1 B2 B3 C2 E1 F1 = 6 (54.55 %), corrected P2 = 1 (9.09 %), applied B4 P2 A4 = 3 (27.27 %).
        using (var json = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-06&to=2031-03-11")))
        {
            var k = json.RootElement;
            Assert.Equal((11, 6, 1, 3), (k.GetProperty("total").GetInt32(), k.GetProperty("rejected").GetInt32(), k.GetProperty("corrected").GetInt32(), k.GetProperty("applied").GetInt32()));
            Assert.Equal((54.55m, 9.09m, 27.27m), (k.GetProperty("rejectedPct").GetDecimal(), k.GetProperty("correctedPct").GetDecimal(), k.GetProperty("appliedPct").GetDecimal()));
        }

        // 7–10 March holds no cut: nothing, and 0 % (not a division by zero).
        using (var json = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-07&to=2031-03-10")))
        {
            Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(0m, json.RootElement.GetProperty("appliedPct").GetDecimal());
            Assert.Empty(json.RootElement.GetProperty("byAgent").EnumerateArray());
        }

        // One agent.
        using (var json = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09&agent=ZZ.Beto")))
        {
            Assert.Equal((4, 3, 1), (json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("rejected").GetInt32(), json.RootElement.GetProperty("applied").GetInt32()));
            Assert.Equal(75m, json.RootElement.GetProperty("rejectedPct").GetDecimal());
            Assert.Single(json.RootElement.GetProperty("byAgent").EnumerateArray());
        }

        // The CLI answers exactly the keys.
        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "report", "adjustments", "--operation", Op, "--from", "2031-03-03", "--to", "2031-03-09", "--json");
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(["total", "rejected", "corrected", "applied", "rejectedPct", "correctedPct", "appliedPct", "byAgent"], json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            var first = json.RootElement.GetProperty("byAgent")[0];
            Assert.Equal(["login", "total", "rejected", "corrected", "applied"], first.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(13, json.RootElement.GetProperty("rejected").GetInt32());
            Assert.Equal(76.47m, json.RootElement.GetProperty("rejectedPct").GetDecimal());
        }

        var plain = await CalendarCliTests.RunAsync(app, "report", "adjustments", "--operation", Op, "--from", "2031-03-03", "--to", "2031-03-09");
        Assert.Equal(0, plain.Exit);
        Assert.Contains("zz.beto", plain.Out, StringComparison.Ordinal);

        // Breakdown by week and cause: week 11 of 1–31 March carries A4, A5, P2, P3, F1.
        using (var json = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/adjustments/kpis/detail?operation={Op}&from=2031-03-01&to=2031-03-31")))
        {
            var weeks = json.RootElement.GetProperty("byWeek").EnumerateArray().ToDictionary(w => w.GetProperty("key").GetString()!, w => w.GetProperty("total").GetInt32());
            Assert.Equal(17, weeks["2031-W10"]);
            Assert.Equal(5, weeks["2031-W11"]);
            Assert.Equal(1, weeks["2031-W12"]);
            Assert.Equal(0, weeks["2031-W14"]);
            var causeA = json.RootElement.GetProperty("byCause").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "A");
            Assert.Equal(6, causeA.GetProperty("total").GetInt32()); // A1 A2 A4 A5 C1 F1
        }

        // Drill-down: the rejected records of cause A in week 10 are A1, A2, C1, F1; week 11 of March holds 5 records.
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/adjustments/kpis/records?operation={Op}&from=2031-03-03&to=2031-03-09&cause=a&flag=rejected");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(["ACC-A1", "ACC-A2", "ACC-C1", "ACC-F1"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("account").GetString()!).Order(StringComparer.Ordinal).ToArray());
        page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/adjustments/kpis/records?operation={Op}&from=2031-03-01&to=2031-03-31&week=2031-W11&pageSize=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());

        // /reports shows the section with the applied-rate target of the operation (0.90) and drill-down links.
        var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/reports/kpis?operation={Op}&from=2031-03-03&to=2031-03-09");
        var section = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "adjustments");
        var applied = section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "appliedRate");
        Assert.Equal(3, applied.GetProperty("numerator").GetInt64());
        Assert.Equal(17, applied.GetProperty("denominator").GetInt64());
        Assert.Equal(0.90m, applied.GetProperty("target").GetDecimal());
        Assert.StartsWith("/adjustments/kpis/records?", applied.GetProperty("drillUrl").GetString(), StringComparison.Ordinal);

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Kpis_validate_input_keep_tenancy_and_export_xlsx(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var supervisor = await app.ClientForAsync(Supervisor);

        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-09&to=2031-03-03")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/v1/adjustments/kpis?operation={Op}&from=09/03/2031&to=2031-03-10")).StatusCode);
        var allColombia = await app.ClientForAsync("supervisor.telco-co");
        Assert.Equal(HttpStatusCode.BadRequest, (await allColombia.GetAsync($"/api/v1/adjustments/kpis?operation=premium-sales&from=2031-03-03&to=2031-03-09")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await allColombia.GetAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/v1/adjustments/kpis/records?operation={Op}&from=2031-03-03&to=2031-03-09&flag=bogus")).StatusCode);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "adjustments", "--operation", Op, "--from", "2031-03-09", "--to", "2031-03-03")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "adjustments", "--operation", Op, "--from", "2031-3-3", "--to", "2031-03-09", "--json")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "adjustments", "--operation", "no-existe", "--from", "2031-03-03", "--to", "2031-03-09")).Exit);

        // Tenancy and roles: a Bolivian supervisor does not find the Colombian cell; a back-office user may not read its reports.
        var bolivia = await app.ClientForAsync("supervisor.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync($"/api/v1/adjustments/kpis.xlsx?operation={Op}&from=2031-03-03&to=2031-03-09")).StatusCode);
        var backOffice = await app.ClientForAsync("backoffice.adjustments-cell");
        Assert.Equal(HttpStatusCode.Forbidden, (await backOffice.GetAsync($"/api/v1/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09")).StatusCode);

        var xlsx = await supervisor.GetAsync($"/api/v1/adjustments/kpis.xlsx?operation={Op}&from=2031-03-03&to=2031-03-09");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("ajustes_kpi_adjustments-cell_20310303_20310309.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Resumen", "Por asesor", "Por semana", "Por causal", "Registros"], MiniExcel.GetSheetNames(book).ToArray());
        book.Position = 0;
        var summary = MiniExcel.Query(book, useHeaderRow: true, sheetName: "Resumen").Cast<IDictionary<string, object>>().ToList();
        var appliedRow = summary.Single(r => (string)r["Indicador"] == "Aplicados");
        Assert.Equal(3m, Convert.ToDecimal(appliedRow["Registros"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(17.65m, Convert.ToDecimal(appliedRow["Porcentaje"], System.Globalization.CultureInfo.InvariantCulture));
        book.Position = 0;
        Assert.Equal(17, MiniExcel.Query(book, useHeaderRow: true, sheetName: "Registros").Count());
        book.Position = 0;
        Assert.Equal(7, MiniExcel.Query(book, useHeaderRow: true, sheetName: "Por asesor").Count());

        // An empty period still opens, with its sheets.
        var empty = await supervisor.GetAsync($"/api/v1/adjustments/kpis.xlsx?operation={Op}&from=2030-01-01&to=2030-01-31");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        using var emptyBook = new MemoryStream(await empty.Content.ReadAsByteArrayAsync());
        Assert.Contains("Registros", MiniExcel.GetSheetNames(emptyBook));
        Assert.Empty(app.LoggedErrors);
    }
}

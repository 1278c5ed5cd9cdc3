using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Sales;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ContactOps.Tests.Reports;

public class KpiReportTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sales_kpis_count_by_local_date_bucket_agent_and_team(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSalesAsync(app);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");

        var report = await Body(await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-11-02&to=2026-11-15&granularity=week"));
        Assert.Equal(["2026-11-02", "2026-11-09"], report.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()!).ToArray());
        var sales = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "sales");

        // Five sales inside the period (one at 23:30 on the 15th, Bogotá time), one at 00:10 on the 16th is outside.
        Assert.Equal(5m, Figure(sales, "sales").GetProperty("value").GetDecimal());
        var conversion = Figure(sales, "salesConversion");
        Assert.Equal(2, conversion.GetProperty("numerator").GetInt64());   // installed + legalized
        Assert.Equal(5, conversion.GetProperty("denominator").GetInt64());
        Assert.Equal(0.4m, conversion.GetProperty("value").GetDecimal());
        Assert.Equal(1m, Figure(sales, "salesLost").GetProperty("value").GetDecimal());
        Assert.Equal(5 * 89_900m, Figure(sales, "salesMonthlyValue").GetProperty("value").GetDecimal());
        Assert.Contains("state=Legalized", Figure(sales, "salesLegalized").GetProperty("drillUrl").GetString(), StringComparison.Ordinal);

        var weekly = sales.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "sales");
        Assert.Equal([2m, 3m], weekly.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ToArray());

        var byState = sales.GetProperty("distributions").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "byState");
        Assert.Equal(2, byState.GetProperty("slices").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "Registered").GetProperty("value").GetInt64());

        var agents = sales.GetProperty("byAgent").EnumerateArray().ToList();
        Assert.Equal(2, agents.Count);
        var agentRow = agents.Single(a => a.GetProperty("name").GetString()!.Contains("premium-sales", StringComparison.Ordinal) && a.GetProperty("values").GetProperty("sales").GetDecimal() == 4m);
        Assert.Equal(0.5m, agentRow.GetProperty("values").GetProperty("salesConversion").GetDecimal());

        // Filters: by agent, and by team (only the agent is in "Equipo Norte").
        var byAgent = await Body(await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-11-02&to=2026-11-15&agent=agent.premium-sales"));
        Assert.Equal(4m, Figure(Section(byAgent, "sales"), "sales").GetProperty("value").GetDecimal());
        var admin = await app.ClientForAsync("admin.premium-sales");
        var teams = await Body(await admin.PostAsJsonAsync("/api/v1/operations/premium-sales/teams", new { name = "Equipo Norte" }));
        var north = teams.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Equipo Norte").GetProperty("id").GetGuid();
        var membership = teams.GetProperty("teams").EnumerateArray().SelectMany(t => t.GetProperty("members").EnumerateArray()).Concat(teams.GetProperty("withoutTeam").EnumerateArray())
            .First(m => m.GetProperty("userName").GetString() == "agent.premium-sales").GetProperty("membershipId").GetGuid();
        await Body(await admin.PostAsJsonAsync($"/api/v1/operations/premium-sales/teams/{north}/members", new { membershipIds = new[] { membership } }));
        var byTeam = await Body(await supervisor.GetAsync($"/api/v1/reports/kpis?operation=premium-sales&from=2026-11-02&to=2026-11-15&team={north}"));
        Assert.Equal(4m, Figure(Section(byTeam, "sales"), "sales").GetProperty("value").GetDecimal());
        Assert.Contains(Section(byTeam, "sales").GetProperty("byTeam").EnumerateArray(), t => t.GetProperty("name").GetString() == "Equipo Norte");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Kpi_report_validates_filters_refuses_agents_hides_other_clients_and_exports(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSalesAsync(app);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");

        var bad = await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-13-01&granularity=year");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("granularity", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-11-10&to=2026-11-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&agent=agent.digital-sales")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&format=pdf")).StatusCode);

        var agent = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/reports/kpis?operation=premium-sales")).StatusCode);
        var bolivia = await app.ClientForAsync("supervisor.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivia.GetAsync("/api/v1/reports/kpis?operation=premium-sales")).StatusCode);

        var csv = await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-11-02&to=2026-11-15&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("indicadores_premium-sales_20261102_20261115.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("indicador;Ventas;salesConversion;Conversión a instalada/entregada;2026-11-02..2026-11-15;0.4;2;5", text, StringComparison.Ordinal);

        var xlsx = await supervisor.GetAsync("/api/v1/reports/kpis?operation=premium-sales&from=2026-11-02&to=2026-11-15&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains("Por asesor", MiniExcel.GetSheetNames(book));
        book.Position = 0;
        var figures = MiniExcel.Query(book, useHeaderRow: true, sheetName: "Indicadores").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(figures, r => (string)r["Código"] == "sales" && Convert.ToDecimal(r["Valor"], System.Globalization.CultureInfo.InvariantCulture) == 5m);
    }

    private static async Task SeedSalesAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.SingleAsync(o => o.Code == "premium-sales");
        var customer = await db.Customers.Where(c => c.ClientId == op.ClientId).Select(c => c.Id).FirstAsync();
        var agent = await db.Users.Where(u => u.UserName == "agent.premium-sales").Select(u => u.Id).SingleAsync();
        var other = await db.Users.Where(u => u.UserName == "backoffice.premium-sales").Select(u => u.Id).SingleAsync();

        void Add(DateTimeOffset soldAt, SaleKind kind, SaleState state, Guid seller)
        {
            var sale = new Sale(op.ClientId, op.Id, customer, kind, soldAt.ToUniversalTime(), "COP", SaleOrigin.Interaction) { SellerUserId = seller };
            sale.AddProduct("PLAN-1", "Plan", 1, 89_900m, 0m, needsTechnicianVisit: false);
            if (state != SaleState.Registered)
            {
                sale.MoveTo(state, soldAt.AddDays(1).ToUniversalTime(), state == SaleState.Rejected ? "Sin cupo" : null);
            }

            db.Sales.Add(sale);
        }

        Add(new DateTimeOffset(2026, 11, 1, 23, 0, 0, Bogota), SaleKind.HomeBundle, SaleState.Installed, agent);        // before the period
        Add(new DateTimeOffset(2026, 11, 3, 9, 0, 0, Bogota), SaleKind.HomeBundle, SaleState.Installed, agent);
        Add(new DateTimeOffset(2026, 11, 8, 18, 0, 0, Bogota), SaleKind.MobilePortability, SaleState.Registered, agent);
        Add(new DateTimeOffset(2026, 11, 10, 10, 0, 0, Bogota), SaleKind.MobilePortability, SaleState.Legalized, agent);
        Add(new DateTimeOffset(2026, 11, 12, 10, 0, 0, Bogota), SaleKind.MobileNewLine, SaleState.Rejected, other);
        Add(new DateTimeOffset(2026, 11, 15, 23, 30, 0, Bogota), SaleKind.HomeAddOn, SaleState.Registered, agent);     // last local day
        Add(new DateTimeOffset(2026, 11, 16, 0, 10, 0, Bogota), SaleKind.HomeAddOn, SaleState.Registered, agent);      // after the period
        await db.SaveChangesAsync();
    }

    private static JsonElement Section(JsonElement report, string key) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static JsonElement Figure(JsonElement section, string code) =>
        section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

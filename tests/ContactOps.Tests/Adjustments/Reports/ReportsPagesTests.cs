using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Ui;
using static ContactOps.Tests.Adjustments.Reports.ReportsKit;

namespace ContactOps.Tests.Adjustments.Reports;

/// <summary>The KPI, drill-down, coaching and "my coaching" pages, prerendered with the cookie as a person would see them.</summary>
public class ReportsPagesTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_pages_show_the_kpis_the_top5_and_the_agents_acknowledge_button(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        var supervisor = await UiPageTests.SignInAsync(app, "supervisor.adjustments-cell");

        var home = await UiPageTests.PageAsync(supervisor, "/");
        Assert.Contains("id=\"nav-adjustments-kpis\"", home, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-adjustments-coaching\"", home, StringComparison.Ordinal);

        var kpis = await UiPageTests.PageAsync(supervisor, $"/adjustments/kpis?operation={Op}&from=2031-03-03&to=2031-03-09");
        Assert.Contains("KPI de la célula de ajustes", kpis, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"kpi-applied\"[^>]*data-value=\"17.65\"|data-value=\"17.65\"[^>]*data-testid=\"kpi-applied\"", kpis);
        Assert.Equal(7, Regex.Count(kpis, "data-testid=\"kpis-agent-row\""));
        Assert.Contains("data-cause=\"A\"", kpis, StringComparison.Ordinal);
        Assert.Contains("data-week=\"2031-W10\"", kpis, StringComparison.Ordinal);
        Assert.Contains("/api/v1/adjustments/kpis.xlsx", kpis, StringComparison.Ordinal);

        var records = await UiPageTests.PageAsync(supervisor, $"/adjustments/kpis/records?operation={Op}&from=2031-03-03&to=2031-03-09&flag=rejected");
        Assert.Contains("data-total=\"13\"", records, StringComparison.Ordinal);
        Assert.Equal(13, Regex.Count(records, "data-testid=\"kpi-record-row\""));

        var coaching = await UiPageTests.PageAsync(supervisor, $"/adjustments/coaching?operation={Op}&week=2031-W10");
        Assert.Equal(5, Regex.Count(coaching, "data-testid=\"top5-row\""));
        Assert.Matches("data-testid=\"top5-row\"[^>]*data-login=\"zz.ana\"[^>]*data-rank=\"1\"", coaching);
        Assert.Equal(5, Regex.Count(coaching, "data-testid=\"commitment-form\""));
        var invalid = await UiPageTests.PageAsync(supervisor, $"/adjustments/coaching?operation={Op}&week=2031-10");
        Assert.Contains("no es una semana ISO", invalid, StringComparison.Ordinal);

        // The agent (of another operation) sees their coaching and the "Estoy enterado" button.
        var api = await app.ClientForAsync("supervisor.adjustments-cell");
        var written = await api.PostAsJsonAsync("/api/v1/adjustments/coaching", new { operation = Op, week = "2031-W10", login = Aps, commitment = "Revisar soportes." });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var agent = await UiPageTests.SignInAsync(app, Aps);
        Assert.Contains("id=\"nav-my-coaching\"", await UiPageTests.PageAsync(agent, "/"), StringComparison.Ordinal);
        var mine = await UiPageTests.PageAsync(agent, "/my/coaching");
        Assert.Contains("Mis retroalimentaciones", mine, StringComparison.Ordinal);
        Assert.Contains("Revisar soportes.", mine, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"acknowledge\"", mine, StringComparison.Ordinal);
        Assert.Contains("Estoy enterado", mine, StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }
}

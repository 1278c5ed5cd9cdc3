using ContactOps.Modules.Sales;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Ui;
using static ContactOps.Tests.Sales.SalesTestData;

namespace ContactOps.Tests.Sales;

/// <summary>The legalization page, prerendered with the cookie: counts and blocking list for the back office, a plain refusal for an agent.</summary>
public class LegalizationPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Back_office_sees_the_months_counts_and_blocking_list_agent_is_told_it_cannot(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // The page opens on the previous month of the client's calendar.
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota"));
        var previous = new DateTimeOffset(now.Year, now.Month, 1, 12, 0, 0, TimeSpan.FromHours(-5)).AddMonths(-1);
        await AddSaleAsync(app, new SaleSpec(SaleKind.HomeBundle, previous.AddDays(2), SaleState.Installed, "CALL-77", "4077", "jdiaz"));

        var html = await UiPageTests.PageAsync(await UiPageTests.SignInAsync(app, "backoffice.premium-sales"), "/sales/legalization");
        Assert.Contains("Legalización de ventas", html);
        Assert.Contains("id=\"nav-legalization\"", html);
        Assert.Contains("id=\"legal-blocking\"", html);
        Assert.Contains("CALL-77", html);
        Assert.Contains("Sin grabación de la llamada", html);

        var agent = await UiPageTests.PageAsync(await UiPageTests.SignInAsync(app, "agent.premium-sales"), "/sales/legalization");
        Assert.Contains("id=\"page-forbidden\"", agent);
        Assert.Contains("Su rol en Ventas Premium (entrante) (Asesor) no usa esta página.", agent);
        Assert.DoesNotContain("id=\"nav-legalization\"", agent);
        Assert.DoesNotContain("CALL-77", agent);
        Assert.Empty(app.LoggedErrors);
    }
}

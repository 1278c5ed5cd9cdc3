using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The sales sheet end to end in a browser (issue's story): the premium agent takes a call on the inbound desk, identifies
/// the customer, registers a portability sale from the interaction and closes it with VENTA; the sales cell's back office
/// (premium-sales routes its sales there) takes it from the queue and works its checklist through to Legalized; a
/// supervisor sees it counted in premium-sales' KPIs.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SalesJourneyTests(BrowserFixture fixture)
{
    private static readonly string[] PortabilitySteps = ["TYPOLOGY", "IDENTITY_OTP", "NIP_SENT", "PLAN_OFFER", "CONTRACT_READING", "SIM_SHIPPED", "DELIVERED"];

    [Fact]
    public async Task Premium_agent_registers_a_portability_sale_from_a_call_and_the_sales_cell_works_it_to_Legalized()
    {
        Guid customer;
        await using (var scope = fixture.App.SystemScope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.AppDbContext>(scope.ServiceProvider);
            customer = db.Customers.Where(c => c.DocumentNumber == "1020304050").Select(c => c.Id).First();
        }

        // The agent of premium attention takes the call on the inbound desk and identifies the customer.
        var agent = await fixture.NewPageAsync();
        await fixture.SignInAsync(agent, "agent.premium-sales");
        await agent.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await agent.SettleAsync();
        await agent.GotoAsync("/inbound");
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator("h1")).ToContainTextAsync("Atención entrante");

        // Values typed before the page's circuit is interactive are lost on its first render: retry until it opens.
        for (var attempt = 1; ; attempt++)
        {
            await agent.Locator("#desk-call-id").FillAsync("CALL-778899");
            await agent.Locator("#desk-extension").FillAsync("3105");
            await agent.Locator("#open-interaction").ClickAsync();
            try
            {
                await agent.Locator("#desk-opened").WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        await Assertions.Expect(agent.Locator("#desk-opened")).ToContainTextAsync("CALL-778899");
        await agent.Locator("#desk-customer-search").FillAsync("1020304050");
        await agent.Locator("#desk-search").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-matches")).ToContainTextAsync("María Fernanda");
        await agent.Locator(".identify-customer").First.ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-customer-name")).ToContainTextAsync("María Fernanda Rodríguez Peña");
        await agent.Locator("#desk-request").FillAsync("Quiere traer su línea de otro operador a un plan pospago.");
        await agent.Locator("#desk-typology").FillAsync("Portabilidad");
        await agent.Locator("#save-request").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-saved")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(agent, "27-inbound-register-sale-es");

        // The sale is registered from the interaction.
        await agent.Locator("#desk-register-sale").ClickAsync();
        await agent.WaitForURLAsync(u => u.Contains("/sales/new?customerId=" + customer, StringComparison.Ordinal) && u.Contains("interactionId=", StringComparison.Ordinal));
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator("#sale-customer")).ToContainTextAsync("María Fernanda Rodríguez Peña");

        await agent.SelectOptionAsync("#sale-kind", "MobilePortability");
        await Assertions.Expect(agent.Locator("#sale-donor")).ToBeVisibleAsync();
        await agent.FillAsync("#sale-line", "310 555 7788");
        await agent.FillAsync("#sale-donor", "Operador Donante S.A.");
        await agent.FillAsync("#sale-call-id", "CALL-778899");
        await agent.FillAsync("#sale-extension", "3105");
        await agent.FillAsync("#sale-login", "ag1005");
        await agent.FillAsync("#product-0-code", "MOV-POS45");
        await agent.FillAsync("#product-0-description", "Plan pospago 45 GB");
        await agent.FillAsync("#product-0-monthly", "55900");
        await agent.Locator("#product-0-monthly").PressAsync("Tab");
        await BrowserFixture.ScreenshotAsync(agent, "20-sale-form-es");
        await agent.Locator("#sale-submit").ClickAsync();
        await agent.WaitForURLAsync(new Regex("/sales/[0-9a-f-]{36}$"));
        var saleUrl = new Uri(agent.Url).AbsolutePath;
        await Assertions.Expect(agent.Locator("#sale-state")).ToContainTextAsync("Registrada");
        await Assertions.Expect(agent.Locator("#sale-line")).ToContainTextAsync("+573105557788");
        await Assertions.Expect(agent.Locator("#sale-read-only")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(agent, "21-sale-registered-es");
        await Assertions.Expect(agent.Locator("#sale-backoffice")).ToContainTextAsync("sales-cell");

        // Back to the interaction (linked from the sale) to close it as a sale.
        await agent.Locator("#sale-interaction-link").ClickAsync();
        await agent.WaitForURLAsync(u => u.Contains("/inbound?interactionId=", StringComparison.Ordinal));
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator("#desk-customer-name")).ToContainTextAsync("María Fernanda Rodríguez Peña");
        await agent.Locator("#desk-disposition").SelectOptionAsync("VENTA");
        await agent.Locator("#close-interaction").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-closed")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(agent, "28-inbound-closed-with-sale-es");

        // The back office takes it from the queue.
        var bo = await fixture.NewPageAsync();
        await fixture.SignInAsync(bo, "backoffice.sales-cell");
        await bo.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await bo.SettleAsync();
        await bo.GotoAsync("/backoffice");
        await bo.SettleAsync();
        var row = bo.Locator($".sale-row[data-id=\"{saleUrl.Split('/').Last()}\"]");
        await Assertions.Expect(row).ToContainTextAsync("Sin asignar");
        await Assertions.Expect(bo.Locator("#queue-due-count")).ToContainTextAsync("Seguimientos vencidos");
        await BrowserFixture.ScreenshotAsync(bo, "22-backoffice-queue-es");
        await row.Locator(".claim-button").ClickAsync();
        await bo.WaitForURLAsync(u => u.EndsWith(saleUrl, StringComparison.Ordinal));
        await bo.SettleAsync();
        await Assertions.Expect(bo.Locator("#sale-assigned")).ToContainTextAsync("Back office sales-cell");

        // Out of order is not offered: only the first step has its buttons.
        await Assertions.Expect(bo.Locator("#step-ok-NIP_SENT")).ToHaveCountAsync(0);
        foreach (var code in PortabilitySteps)
        {
            await bo.FillAsync($"#evidence-{code}", "Ref-" + code);
            await bo.Locator($"#evidence-{code}").PressAsync("Tab");
            await bo.Locator($"#step-ok-{code}").ClickAsync();
            await Assertions.Expect(bo.Locator($"tr.checklist-row[data-code=\"{code}\"]")).ToContainTextAsync("OK");
            if (code == "CONTRACT_READING")
            {
                await Assertions.Expect(bo.Locator("#sale-state")).ToContainTextAsync("Validada");
                await BrowserFixture.ScreenshotAsync(bo, "23-sale-validated-es");
            }
        }

        await Assertions.Expect(bo.Locator("#sale-state")).ToContainTextAsync("Entregada");
        await bo.SelectOptionAsync("#state-to", "Legalized");
        await bo.Locator("#state-submit").ClickAsync();
        await Assertions.Expect(bo.Locator("#sale-state")).ToContainTextAsync("Legalizada");
        await Assertions.Expect(bo.Locator("#sale-history")).ToContainTextAsync("Entregada");
        await Assertions.Expect(bo.Locator("#sale-steps .step-row")).ToHaveCountAsync(PortabilitySteps.Length);
        await bo.Locator("#sale-flowchart summary").ClickAsync();
        await BrowserFixture.ScreenshotAsync(bo, "24-sale-legalized-es");

        // The agent's sheet shows the sale legalized; the procedures page draws every flow.
        await agent.GotoAsync("/sales");
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator($".sale-row[data-id=\"{saleUrl.Split('/').Last()}\"]")).ToContainTextAsync("Legalizada");
        await BrowserFixture.ScreenshotAsync(agent, "25-sales-sheet-es");
        await bo.GotoAsync("/sales/flows");
        await Assertions.Expect(bo.Locator("figure.flowchart")).ToHaveCountAsync(8);
        await BrowserFixture.ScreenshotAsync(bo, "26-sale-flows-es");

        // The supervisor sees the sale counted in premium-sales' KPIs (the front's view of the same sheet).
        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.telco-co");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await supervisor.GotoAsync("/reports?operation=premium-sales");
        await supervisor.SettleAsync();
        var salesCard = supervisor.Locator("#kpi-section-sales [data-kpi=\"sales\"] .kpi-value");
        await Assertions.Expect(salesCard).ToHaveTextAsync(new Regex("[1-9]"));
        var legalizedCard = supervisor.Locator("#kpi-section-sales [data-kpi=\"salesLegalized\"]");
        await Assertions.Expect(legalizedCard).ToContainTextAsync(new Regex("[1-9][0-9]* / [1-9]"));
        await BrowserFixture.ScreenshotAsync(supervisor, "29-reports-sale-counted-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

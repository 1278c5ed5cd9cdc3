using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// A supervisor opens the KPI page of devices-outbound, sees the outbound section, clicks a figure and lands on the list of
/// the attempts behind it; the agent breakdown drills to that agent's attempts.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KpiDrillTests(BrowserFixture fixture)
{
    private const string Agent = "kpi.drill.agent";

    [Fact]
    public async Task Supervisor_clicks_a_kpi_figure_and_sees_its_attempts()
    {
        await SeedAsync();

        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.devices-outbound");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await supervisor.GotoAsync("/reports?operation=devices-outbound");
        await supervisor.SettleAsync();

        var section = supervisor.Locator("#kpi-section-outbound");
        await Assertions.Expect(section).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("[data-kpi=\"effectiveness\"]")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("[data-kpi=\"contactability\"]")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("[data-kpi=\"baseCoverage\"]")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("[data-kpi=\"goalAttainment\"]")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator("[data-kpi=\"effectiveContactRate\"]")).ToBeVisibleAsync();
        var salesLink = section.Locator("[data-kpi=\"outboundSales\"] .kpi-value a");
        await Assertions.Expect(salesLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9.]+$"));
        var sales = long.Parse((await salesLink.InnerTextAsync()).Replace(".", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(sales >= 2, $"ventas {sales}");
        await BrowserFixture.ScreenshotAsync(supervisor, "60-reports-outbound-kpis-es");

        // The figure drills to the attempts list with its filters: as many sale attempts as the figure says.
        await salesLink.ClickAsync();
        await supervisor.WaitForURLAsync(u => u.Contains("/outbound/attempts", StringComparison.Ordinal) && u.Contains("flag=sale", StringComparison.Ordinal));
        await Assertions.Expect(supervisor.Locator("#attempts-total")).ToHaveAttributeAsync("data-total", sales.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(supervisor.Locator("tr.attempt-row[data-disposition=\"VENTA\"]")).ToHaveCountAsync((int)Math.Min(sales, 50));
        await Assertions.Expect(supervisor.Locator("tr.attempt-row").Filter(new() { HasText = Agent })).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(supervisor, "61-outbound-attempts-drill-es");

        // Back on the report, the agent's row drills to that agent's three attempts.
        await supervisor.GotoAsync("/reports?operation=devices-outbound");
        await supervisor.SettleAsync();
        await supervisor.Locator("#kpi-section-outbound").GetByRole(AriaRole.Link, new() { Name = Agent, Exact = true }).ClickAsync();
        await supervisor.WaitForURLAsync(u => u.Contains("/outbound/attempts", StringComparison.Ordinal) && u.Contains("agent=" + Agent, StringComparison.Ordinal));
        await Assertions.Expect(supervisor.Locator("#attempts-total")).ToHaveAttributeAsync("data-total", "3");
        await Assertions.Expect(supervisor.Locator("tr.attempt-row")).ToHaveCountAsync(3);
    }

    /// <summary>Three attempts of an agent login that belongs to no user (as from another dialer), earlier today: two sales and a no-answer.</summary>
    private async Task SeedAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.Where(o => o.Code == "devices-outbound").Select(o => new { o.Id, o.ClientId }).SingleAsync();
        var traits = (await OperationCatalog.DispositionTraitsAsync(db, op.Id, default)).ToDictionary(t => t.Code);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (code, result, minutes) in new[] { ("VENTA", CallResult.Answered, 3), ("VENTA", CallResult.Answered, 2), ("NO_CONTESTA", CallResult.NoAnswer, 1) })
        {
            var attempt = new CallAttempt(op.ClientId, op.Id, null, "+57300999000" + minutes, DialMode.Predictive, now.AddMinutes(-minutes), AttemptSource.Imported)
            {
                Result = result,
                AgentLogin = Agent,
                DispositionId = traits[code].Id,
                DispositionCode = code,
            };
            db.CallAttempts.Add(attempt);
        }

        await db.SaveChangesAsync();
    }
}

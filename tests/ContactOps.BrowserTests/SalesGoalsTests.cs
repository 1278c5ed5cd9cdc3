using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The sales goals page (issue 5): a supervisor shows a month, overrides one day's goal and saves; the month's total
/// follows (weekday goals of the demo campaign: Mon–Fri 12, Sat 6) and the override is stored for that date only.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SalesGoalsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Supervisor_overrides_one_days_goal_and_the_month_total_follows()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/outbound/goals");
        await page.SettleAsync();

        // March 2027 starts on a Monday: 5 Mondays, Tuesdays, Wednesdays; 4 Thursdays, Fridays, Saturdays → 5·12·3 + 4·12·2 + 4·6 = 300.
        await page.Locator("#goals-month").FillAsync("2027-03");
        await page.Locator("#goals-load").ClickAsync();
        await Assertions.Expect(page.Locator("#goals-total")).ToContainTextAsync("300");

        var monday = page.Locator("#goals-days tbody tr").First.Locator("input");  // 1 March 2027
        await monday.FillAsync("20");
        await monday.PressAsync("Tab");
        await page.Locator("#goals-save").ClickAsync();

        // 300 − 12 + 20.
        await Assertions.Expect(page.Locator("#goals-total")).ToContainTextAsync("308");
        await BrowserFixture.ScreenshotAsync(page, "71-outbound-goals-es");

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var op = await db.Operations.Where(o => o.Code == "devices-outbound").Select(o => o.Id).SingleAsync();
        var goals = await db.DailySalesGoals.Where(g => g.OperationId == op && g.Day >= new DateOnly(2027, 3, 1) && g.Day <= new DateOnly(2027, 3, 31)).ToListAsync();
        var goal = Assert.Single(goals);
        Assert.Equal(new DateOnly(2027, 3, 1), goal.Day);
        Assert.Equal(20, goal.Sales);

        // A fresh load shows the stored override.
        await page.ReloadAsync();
        await page.SettleAsync();
        await page.Locator("#goals-month").FillAsync("2027-03");
        await page.Locator("#goals-load").ClickAsync();
        await Assertions.Expect(page.Locator("#goals-total")).ToContainTextAsync("308");
        await Assertions.Expect(page.Locator("#goals-days tbody tr").First.Locator("input")).ToHaveValueAsync("20");
    }
}

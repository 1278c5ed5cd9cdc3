using System.Text;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>Issue 14: a leader downloads the escalations queue as shown (the filter applied) from the page's button.</summary>
[Collection(BrowserCollection.Name)]
public class QueueExportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Supervisor_exports_the_escalations_queue_as_filtered_on_the_page()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/escalations");
        await page.SettleAsync();

        await page.Locator("#count-all").ClickAsync();
        await Assertions.Expect(page.Locator("#export-escalations-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("filter=all"));
        var rows = page.Locator(".escalation-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var shown = new List<(string Type, string Customer)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = rows.Nth(i).Locator("td");
            shown.Add(((await cells.Nth(1).InnerTextAsync()).Trim(), (await cells.Nth(2).InnerTextAsync()).Trim()));
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-escalations-csv").ClickAsync());
        Assert.StartsWith("escalamientos-premium-sales-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"escalamientos-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        File.Delete(path);

        Assert.Equal("Operación", lines[0][0]);
        Assert.Equal("Tipo", lines[0][2]);
        Assert.Equal(shown, lines.Skip(1).Select(l => (l[2], l[3])).ToList());
        // The page is still there (the download did not navigate away).
        await Assertions.Expect(page.Locator("#queue-counts")).ToBeVisibleAsync();
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

using ContactOps.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The product served by Kestrel on a loopback port (SQLite, demo data) and Debian's Chromium driven by
/// Playwright. No browser is downloaded: Playwright launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public ProductHost App { get; private set; } = default!;

    public IPlaywright Playwright { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        // The shared machines are slow and noisy: give every web-first assertion the same slack as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = await Task.Run(ProductHost.StartOnKestrel);
        BaseUrl = App.BaseUrl;

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CONTACTOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "es-CO")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = locale,
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        // A Content-Security-Policy violation is an error of the product: the tests that assert App.LoggedErrors is
        // empty fail on it.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                App.LoggedErrors.Enqueue("CSP violation in the browser: " + message.Text);
            }
        };
        return page;
    }

    public async Task SignInAsync(IPage page, string userName, string password = Modules.Demo.DemoSeeder.DemoPassword)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

public static class PageExtensions
{
    /// <summary>
    /// After a full page load: the network is idle and the Blazor circuit is live (the layout renders #app-interactive only
    /// when interactive), so a click is never lost on the prerendered HTML before its handlers are attached.
    /// </summary>
    public static async Task SettleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#app-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Clicks ES or EN and waits until the page has come back in that language and is interactive. The switch is a full
    /// navigation through /culture/set: a test that navigated again before it ended aborted it (net::ERR_ABORTED), and a
    /// wait on the address alone matched the page the click started from.
    /// </summary>
    public static async Task SwitchLanguageAsync(this IPage page, string language)
    {
        await page.Locator("#lang-" + language).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("^" + language));
        await page.SettleAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

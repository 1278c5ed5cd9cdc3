using System.Globalization;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// The agent sets their extension and dialer login on "Mi perfil" and the sale form prefills them; instants on the pages are
/// shown in the client's time zone (Bogotá), not UTC.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ProfileAndLocalTimeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_agent_sets_the_extension_on_the_profile_and_the_sale_form_shows_it_in_Spanish_and_English()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        try
        {
            // The user name in the top bar opens the profile.
            await page.Locator("#user-name").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/my/profile", StringComparison.Ordinal));
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mi perfil");

            await page.Locator("#profile-extension").FillAsync("41a");
            await page.Locator("#profile-save").ClickAsync();
            await Assertions.Expect(page.Locator("#profile-extension-error")).ToContainTextAsync("entre 2 y 8 dígitos");
            await Assertions.Expect(page.Locator("#profile-extension")).ToHaveAttributeAsync("aria-invalid", "true");
            await BrowserFixture.ScreenshotAsync(page, "60-my-profile-invalid-es");

            await page.Locator("#profile-extension").FillAsync("4321");
            await page.Locator("#profile-dialer-login").FillAsync("mf.rodriguez");
            await page.Locator("#profile-save").ClickAsync();
            await Assertions.Expect(page.Locator("#profile-saved")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#profile-extension-error")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "61-my-profile-es");

            // The desk prefills them.
            await page.GotoAsync("/inbound");
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("#desk-extension")).ToHaveValueAsync("4321");
            await Assertions.Expect(page.Locator("#desk-login")).ToHaveValueAsync("mf.rodriguez");

            // The sale form (from the customer's page) too.
            await page.GotoAsync("/customers?q=1020304050");
            await page.SettleAsync();
            await page.Locator(".customer-link").First.ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/customers/", StringComparison.Ordinal) && !u.Contains("?q=", StringComparison.Ordinal));
            await page.SettleAsync();
            await page.Locator("a[href^='/sales/new?customerId=']").First.ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/sales/new?customerId=", StringComparison.Ordinal));
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("#sale-extension")).ToHaveValueAsync("4321");
            await Assertions.Expect(page.Locator("#sale-login")).ToHaveValueAsync("mf.rodriguez");
            await BrowserFixture.ScreenshotAsync(page, "62-sale-form-profile-prefill-es");

            // In English: the same values, and the profile's messages in English.
            await page.SwitchLanguageAsync("en");
            await Assertions.Expect(page.Locator("#sale-extension")).ToHaveValueAsync("4321");
            await BrowserFixture.ScreenshotAsync(page, "62-sale-form-profile-prefill-en");
            await page.Locator("#user-name").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/my/profile", StringComparison.Ordinal));
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("My profile");
            await Assertions.Expect(page.Locator("#profile-extension")).ToHaveValueAsync("4321");
            await page.Locator("#profile-extension").FillAsync("1");
            await page.Locator("#profile-save").ClickAsync();
            await Assertions.Expect(page.Locator("#profile-extension-error")).ToContainTextAsync("2 to 8 digits");
            await BrowserFixture.ScreenshotAsync(page, "61-my-profile-invalid-en");
        }
        finally
        {
            // The browser suite shares one database: leave the agent's profile as the demo has it.
            await page.GotoAsync("/my/profile");
            await page.SettleAsync();
            await page.Locator("#profile-extension").FillAsync("");
            await page.Locator("#profile-dialer-login").FillAsync("");
            await page.Locator("#profile-save").ClickAsync();
            await Assertions.Expect(page.Locator("#profile-saved")).ToBeVisibleAsync();
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_lead_bases_received_time_is_the_utc_instant_in_Bogota_time()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "datamarshall.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/outbound/bases");
        await page.SettleAsync();

        var times = page.Locator("time.local-time");
        await Assertions.Expect(times.First).ToBeVisibleAsync();
        var bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        var es = CultureInfo.GetCultureInfo("es-CO");
        var count = await times.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            var utc = DateTimeOffset.Parse((await times.Nth(i).GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, utc.Offset);
            var expected = TimeZoneInfo.ConvertTime(utc, bogota).ToString("dd/MM/yyyy h:mm tt", es);
            Assert.Equal(expected, (await times.Nth(i).InnerTextAsync()).Trim());
        }

        await BrowserFixture.ScreenshotAsync(page, "63-lead-bases-local-time-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

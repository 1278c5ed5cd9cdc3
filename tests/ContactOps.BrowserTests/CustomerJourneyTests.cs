using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>An agent's day-one journey: sign in, find a customer by a phone typed any way, open the 360° page, switch language.</summary>
[Collection(BrowserCollection.Name)]
public class CustomerJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Agent_finds_a_customer_by_phone_opens_the_360_page_and_switches_to_english()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();

        await page.GotoAsync("/customers");
        await page.SettleAsync();
        var search = page.Locator("#customer-search");
        await search.FillAsync("+57 300 123 4567");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
        await page.SettleAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-customer-search-es");
        var rows = page.Locator(".customer-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("María Fernanda");
        // Personal data is masked in results.
        await Assertions.Expect(rows.First).Not.ToContainTextAsync("1020304050");
        await BrowserFixture.ScreenshotAsync(page, "03-customer-search-es");

        await rows.First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/customers/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#customer-name")).ToContainTextAsync("María Fernanda Rodríguez Peña");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Cuentas hogar");
        await BrowserFixture.ScreenshotAsync(page, "04-customer-360-es");

        await page.SwitchLanguageAsync("en");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#customer-name")).ToContainTextAsync("María Fernanda Rodríguez Peña");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Home accounts");
        await BrowserFixture.ScreenshotAsync(page, "05-customer-360-en");

        // The choice is remembered: a fresh page load stays in English.
        await page.GotoAsync("/customers");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Customers");
        await BrowserFixture.ScreenshotAsync(page, "06-customer-search-en");
        await page.SwitchLanguageAsync("es");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Clientes");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task An_agent_verifies_what_the_customer_says_with_the_keyboard_and_the_back_office_reveals()
    {
        Guid maria;
        await using (var scope = fixture.App.SystemScope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.AppDbContext>(scope.ServiceProvider);
            maria = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Customers)
                .Where(c => c.DocumentNumber == "1020304050").Select(c => c.Id).First();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync($"/customers/{maria}");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#verify-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reveal-personal-data")).ToHaveCountAsync(0);

        // Typed as the customer says it, Enter to verify.
        var phone = page.Locator("#verify-phone");
        await phone.FocusAsync();
        await page.Keyboard.TypeAsync("300 123 4567");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#verify-phone-answer")).ToContainTextAsync("Coincide");
        await Assertions.Expect(page.Locator("#verify-document-answer")).ToHaveCountAsync(0);

        await phone.FillAsync("");
        await page.Locator("#verify-document").FillAsync("1020304051");
        await page.Locator("#verify-document").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#verify-document-answer")).ToContainTextAsync("No coincide");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("1020304050");
        await BrowserFixture.ScreenshotAsync(page, "09-customer-verify-es");

        // The back office of the operation reveals instead.
        var backOffice = await fixture.NewPageAsync();
        await fixture.SignInAsync(backOffice, "backoffice.premium-sales");
        await backOffice.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await backOffice.SettleAsync();
        await backOffice.GotoAsync($"/customers/{maria}");
        await backOffice.SettleAsync();
        await Assertions.Expect(backOffice.Locator("#verify-form")).ToHaveCountAsync(0);
        await backOffice.Locator("#reveal-personal-data").ClickAsync();
        await Assertions.Expect(backOffice.Locator("#customer-document")).ToContainTextAsync("1020304050");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task A_bolivian_agent_cannot_open_a_colombian_customer()
    {
        Guid colombian;
        await using (var scope = fixture.App.SystemScope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.AppDbContext>(scope.ServiceProvider);
            colombian = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Customers)
                .Where(c => c.DocumentNumber == "1020304050").Select(c => c.Id).First();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.digital-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync($"/customers/{colombian}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("No se encontró el cliente");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Rodríguez Peña");
        await BrowserFixture.ScreenshotAsync(page, "07-customer-not-found-es");
    }
}

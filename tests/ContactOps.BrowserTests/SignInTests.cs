using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Wrong_password_shows_a_spanish_message_and_right_password_signs_in()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales", "incorrecta-123");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("Usuario o contraseña incorrectos");
        await BrowserFixture.ScreenshotAsync(page, "01-login-error-es");

        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "02-home-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Security review, issue 13: an open page kept its signed-in state until the next full load after the session was
    /// ended elsewhere. The circuit now re-checks the security stamp on the cookie's interval and goes to the sign-in page.
    /// </summary>
    [Fact]
    public async Task An_open_page_goes_to_the_sign_in_page_when_the_session_is_ended_elsewhere()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "qualityanalyst.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();

        // What a password reset, a deactivation, a membership change or a sign-out in another browser do to the user.
        await using (var scope = fixture.App.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ContactOps.Platform.Auth.AppUser>>();
            var user = await users.FindByNameAsync("qualityanalyst.premium-sales");
            await users.UpdateSecurityStampAsync(user!);
        }

        // No navigation by the user: the open circuit notices on its own and leaves for the sign-in page.
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#userName")).ToBeVisibleAsync();
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

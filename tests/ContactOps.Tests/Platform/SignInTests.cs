using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Demo;
using ContactOps.Platform.Auth;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>Cookie sign-in, bearer tokens, lockout, sign-out and the password policy.</summary>
public class SignInTests
{
    private static HttpClient NoRedirects(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password, string returnUrl = "/clientes") =>
        client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));

    /// <summary>The antiforgery token of the page's sign-out form (the client must hold the sign-in cookie).</summary>
    internal static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>");
        Assert.True(input.Success, "no antiforgery token on the page");
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(input.Value, "value=\"([^\"]+)\"").Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Form_sign_in_with_the_right_password_redirects_to_the_return_url_with_the_auth_cookie_and_sign_out_clears_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = NoRedirects(app);

        var anonymous = await client.GetAsync("/api/v1/customers?q=maria");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var login = await PostLoginAsync(client, "agent.premium-sales", DemoSeeder.DemoPassword, "/clientes?x=1");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/clientes?x=1", login.Headers.Location?.OriginalString);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("contactops.auth=", StringComparison.Ordinal) && c.Length > "contactops.auth=".Length + 20);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase); // not readable by scripts
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // The cookie authenticates the API too.
        var signedIn = await client.GetAsync("/api/v1/customers?q=maria");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client) }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("contactops.auth=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

        var after = await client.GetAsync("/api/v1/customers?q=maria");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Open_redirects_are_refused_after_sign_in(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var login = await PostLoginAsync(NoRedirects(app), "agent.premium-sales", DemoSeeder.DemoPassword, "//evil.example/x");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused_with_the_same_answer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = NoRedirects(app);

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await PostLoginAsync(client, "agent.sales-cell", "Equivocada2026");
            Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
            Assert.StartsWith("/login?error=invalid", wrong.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)));
        }

        var fifth = await PostLoginAsync(client, "agent.sales-cell", "Equivocada2026");
        Assert.StartsWith("/login?error=invalid", fifth.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // Locked: the right password is refused, with the same answer as a wrong one (a caller learns nothing).
        var right = await PostLoginAsync(client, "agent.sales-cell", DemoSeeder.DemoPassword);
        Assert.StartsWith("/login?error=invalid", right.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var c2) && c2.Any(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)));

        // Locked for the API as well, answered as a wrong password.
        var token = await PostTokenAsync(app.CreateClient(), "agent.sales-cell", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        // Other users are not affected.
        var other = await PostLoginAsync(client, "agent.premium-sales", DemoSeeder.DemoPassword);
        Assert.Equal("/clientes", other.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Token_endpoint_gives_a_bearer_token_for_the_right_password_and_401_for_a_wrong_one_or_a_locked_account(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();

        var ok = await PostTokenAsync(client, "supervisor.premium-sales", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var token = (await Demo.JsonAsync(ok)).GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));

        var authed = app.CreateClient();
        authed.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await authed.GetAsync("/api/v1/customers?q=maria")).StatusCode);

        var bogus = app.CreateClient();
        bogus.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/customers?q=maria")).StatusCode);

        for (var i = 1; i <= 4; i++)
        {
            var wrong = await PostTokenAsync(client, "supervisor.premium-sales", "Equivocada2026");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
            var problem = await Demo.JsonAsync(wrong);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Contains("contraseña", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var fifth = await PostTokenAsync(client, "supervisor.premium-sales", "Equivocada2026");
        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        var locked = await PostTokenAsync(client, "supervisor.premium-sales", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        Assert.Equal("auth.invalid_credentials", (await Demo.JsonAsync(locked)).GetProperty("code").GetString());

        var unknownUser = await PostTokenAsync(client, "nadie.existe", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);

        var empty = await PostTokenAsync(client, "", "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_cookie_signed_in_browser_cannot_be_made_to_post_to_the_api_without_an_antiforgery_token(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var browser = NoRedirects(app);
        await PostLoginAsync(browser, "backoffice.premium-sales", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/v1/customers/{id}")).StatusCode);

        var forged = await browser.PostAsync($"/api/v1/customers/{id}/reveal", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery.missing", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bearer = await app.ClientForAsync("backoffice.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync($"/api/v1/customers/{id}/reveal", null)).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_bearer_token_stops_working_as_soon_as_its_user_is_locked_out_or_deactivated(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var locked = await app.ClientForAsync("agent.premium-sales");
        var deactivated = await app.ClientForAsync("agent.sales-cell");
        Assert.Equal(HttpStatusCode.OK, (await locked.GetAsync("/api/v1/customers?q=maria")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deactivated.GetAsync("/api/v1/customers?q=maria")).StatusCode);

        await using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var a = (await users.FindByNameAsync("agent.premium-sales"))!;
            Assert.True((await users.SetLockoutEndDateAsync(a, DateTimeOffset.MaxValue)).Succeeded);
            var b = (await users.FindByNameAsync("agent.sales-cell"))!;
            b.IsActive = false;
            Assert.True((await users.UpdateAsync(b)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("/api/v1/customers?q=maria")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await deactivated.GetAsync("/api/v1/customers?q=maria")).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_deactivated_user_cannot_sign_in_and_their_cookie_stops_validating(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        System.Security.Claims.ClaimsPrincipal principal;
        await using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("agent.devices-outbound"))!;
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().ValidateSecurityStampAsync(principal));
            user.IsActive = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var login = await PostLoginAsync(NoRedirects(app), "agent.devices-outbound", DemoSeeder.DemoPassword);
        Assert.StartsWith("/login?error=invalid", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostTokenAsync(app.CreateClient(), "agent.devices-outbound", DemoSeeder.DemoPassword)).StatusCode);

        await using (var scope = app.SystemScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().ValidateSecurityStampAsync(principal));
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Password_policy_requires_ten_characters_a_digit_an_upper_and_a_lower_case_letter_in_Spanish(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var weak = await users.CreateAsync(new AppUser { UserName = "nuevo.usuario" }, "abc");
        Assert.False(weak.Succeeded);
        var codes = weak.Errors.Select(e => e.Code).ToHashSet();
        Assert.Contains("PasswordTooShort", codes);
        Assert.Contains("PasswordRequiresDigit", codes);
        Assert.Contains("PasswordRequiresUpper", codes);
        Assert.DoesNotContain("PasswordRequiresLower", codes);
        Assert.Contains(weak.Errors, e => e.Description == "La contraseña debe tener al menos 10 caracteres.");
        Assert.Contains(weak.Errors, e => e.Description == "La contraseña debe tener al menos un número.");
        Assert.Contains(weak.Errors, e => e.Description == "La contraseña debe tener al menos una mayúscula.");

        var noLower = await users.CreateAsync(new AppUser { UserName = "nuevo.usuario" }, "ABCDEFGHIJ1");
        Assert.Equal(["PasswordRequiresLower"], noLower.Errors.Select(e => e.Code));
        Assert.Equal("La contraseña debe tener al menos una minúscula.", noLower.Errors.Single().Description);

        var nineChars = await users.CreateAsync(new AppUser { UserName = "nuevo.usuario" }, "Abcdefgh1");
        Assert.Equal(["PasswordTooShort"], nineChars.Errors.Select(e => e.Code));

        var strong = await users.CreateAsync(new AppUser { UserName = "nuevo.usuario" }, "Abcdefghi1");
        Assert.True(strong.Succeeded, string.Join("; ", strong.Errors.Select(e => e.Description)));
        var created = await users.FindByNameAsync("nuevo.usuario");
        Assert.NotNull(created);
        Assert.True(created.LockoutEnabled);
    }
}

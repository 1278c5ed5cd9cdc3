using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Demo;
using ContactOps.Platform.Auth;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Platform;

/// <summary>Sign-in abuse (issue 13, finding 7): rate limits per address and per account, one answer for every failure, a growing lockout.</summary>
public class SignInAbuseTests
{
    private static Task<HttpResponseMessage> TokenAsync(TestApp app, string user, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    private static Task<HttpResponseMessage> FormAsync(TestApp app, string user, string password) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));

    private static SignInLimits Throttle(Action<SecurityOptions> set)
    {
        var options = new SecurityOptions();
        set(options);
        return new SignInLimits(Options.Create(options));
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(response);
        Assert.Equal("auth.too_many_attempts", problem.GetProperty("code").GetString());
        Assert.StartsWith("Demasiados intentos", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sign_in_attempts_from_one_address_are_limited_on_the_form_the_token_and_the_refresh_endpoints(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Use(Throttle(o => o.SignInPerIpPermits = 3));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "agent.premium-sales", "Equivocada2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "agent.sales-cell", "Equivocada2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormAsync(app, "nadie.existe", "Equivocada2026")).StatusCode);

        // The fourth attempt from the address, whatever the account: refused before any password is checked.
        await AssertTooManyAsync(await TokenAsync(app, "supervisor.premium-sales", DemoSeeder.DemoPassword));
        await AssertTooManyAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "x" }));
        var form = await FormAsync(app, "supervisor.premium-sales", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/login?error=throttled", form.Headers.Location?.OriginalString);

        // The sign-in page says so in Spanish.
        var page = await app.CreateClient().GetStringAsync("/login?error=throttled");
        Assert.Contains("Demasiados intentos de inicio de sesión", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sign_in_attempts_on_one_account_are_limited_whatever_the_address_and_other_accounts_still_sign_in(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Use(Throttle(o => o.SignInPerAccountPermits = 3));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "agent.premium-sales", "Equivocada2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(app, "Agent.Premium-Sales ", "Equivocada2026")).StatusCode);
        Assert.Equal("/login?error=invalid&returnUrl=%2F", (await FormAsync(app, "agent.premium-sales", "Equivocada2026")).Headers.Location?.OriginalString);

        await AssertTooManyAsync(await TokenAsync(app, "agent.premium-sales", DemoSeeder.DemoPassword));
        Assert.Equal("/login?error=throttled&returnUrl=%2F", (await FormAsync(app, "agent.premium-sales", DemoSeeder.DemoPassword)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, "agent.sales-cell", DemoSeeder.DemoPassword)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Unknown_user_wrong_password_locked_and_deactivated_accounts_get_the_same_answer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(app, "agent.sales-cell", "Equivocada2026");
        }

        await using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("agent.devices-outbound"))!;
            user.IsActive = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var answers = new List<string>();
        var locations = new List<string?>();
        foreach (var (user, password) in new[]
                 {
                     ("nadie.existe", DemoSeeder.DemoPassword),              // unknown user
                     ("agent.premium-sales", "Equivocada2026"),              // wrong password
                     ("agent.sales-cell", DemoSeeder.DemoPassword),          // locked, right password
                     ("agent.devices-outbound", DemoSeeder.DemoPassword),    // deactivated, right password
                 })
        {
            var response = await TokenAsync(app, user, password);
            var problem = await Demo.JsonAsync(response);
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("code").GetString()} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}");
            locations.Add((await FormAsync(app, user, password)).Headers.Location?.OriginalString);
        }

        Assert.Single(answers.Distinct());
        Assert.StartsWith("401 auth.invalid_credentials", answers[0], StringComparison.Ordinal);
        Assert.Equal(["/login?error=invalid&returnUrl=%2F"], locations.Distinct());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_lockout_grows_one_two_four_minutes_and_admins_see_until_when_and_the_failures(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 15, 0, 0, TimeSpan.Zero));
        var clocked = app.WithClock(clock);
        var admin = await clocked.ClientForAsync("admin");

        async Task<JsonElement> RowAsync() =>
            (await Demo.JsonAsync(await admin.GetAsync("/api/v1/users?q=agent.sales-cell"))).GetProperty("items")[0];

        async Task FailAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(clocked, "agent.sales-cell", "Equivocada2026")).StatusCode);
            }
        }

        await FailAsync(2);
        var row = await RowAsync();
        Assert.Equal(2, row.GetProperty("failedSignIns").GetInt32());
        Assert.False(row.GetProperty("isLockedOut").GetBoolean());

        var failures = 3; // the fifth failure in a row locks
        var streak = 0;
        foreach (var minutes in new[] { 1, 2, 4 })
        {
            await FailAsync(failures);
            failures = 5;
            streak++;
            row = await RowAsync();
            Assert.True(row.GetProperty("isLockedOut").GetBoolean());
            Assert.Equal(clock.GetUtcNow().AddMinutes(minutes), row.GetProperty("lockedUntil").GetDateTimeOffset());
            Assert.Equal(streak, row.GetProperty("lockoutStreak").GetInt32());

            // Locked: even the right password is refused, until the lock ends.
            clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(clocked, "agent.sales-cell", DemoSeeder.DemoPassword)).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.False((await RowAsync()).GetProperty("isLockedOut").GetBoolean());
        }

        // The right password after the lock: signed in, and the count starts again.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clocked, "agent.sales-cell", DemoSeeder.DemoPassword)).StatusCode);
        row = await RowAsync();
        Assert.Equal(0, row.GetProperty("lockoutStreak").GetInt32());
        Assert.Equal(0, row.GetProperty("failedSignIns").GetInt32());
        Assert.Empty(app.LoggedErrors);
    }
}

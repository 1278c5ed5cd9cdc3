using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Demo;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Platform;

/// <summary>Sessions that end (issue 13, finding 5): sign-out, short access tokens, refresh with rotation, revoke, admin actions.</summary>
public class SessionsTests
{
    private const string Search = "/api/v1/customers?q=maria";

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 10, 15, 0, 0, TimeSpan.Zero));

    private static Task<HttpResponseMessage> TokenAsync(TestApp app, string user, string password = DemoSeeder.DemoPassword) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    private static Task<HttpResponseMessage> RefreshAsync(TestApp app, string? refreshToken) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    private static HttpClient Bearer(TestApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<(string Access, string Refresh, long ExpiresIn)> PairAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Demo.JsonAsync(response);
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!, json.GetProperty("expiresIn").GetInt64());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Sign_out_needs_the_antiforgery_token_and_the_old_cookie_stops_working_within_a_minute(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clock = Clock();
        var clocked = app.WithClock(clock);
        var browser = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "agent.premium-sales",
            ["password"] = DemoSeeder.DemoPassword,
            ["returnUrl"] = "/",
        }));
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)).Split(';')[0];

        // A copy of the cookie, as someone who took it from the browser would hold it.
        var copy = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Search)).StatusCode);

        // Another site cannot sign the user out (nor in a loop): the sign-out form's antiforgery token is required.
        var forged = await browser.PostAsync("/account/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("auth.antiforgery", (await Demo.JsonAsync(forged)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Search)).StatusCode);

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await SignInTests.AntiforgeryTokenAsync(browser) }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // The cookie is checked against the user's security stamp at least every minute: the copy is dead by then.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync(Search)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Access_tokens_last_fifteen_minutes_and_a_refresh_rotates_the_refresh_token_stored_only_hashed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clock = Clock();
        var clocked = app.WithClock(clock);
        var (access, refresh, expiresIn) = await PairAsync(await TokenAsync(clocked, "supervisor.premium-sales"));
        Assert.Equal(15 * 60, expiresIn);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(clocked, access).GetAsync(Search)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(clocked, access).GetAsync(Search)).StatusCode);

        var (access2, refresh2, _) = await PairAsync(await RefreshAsync(clocked, refresh));
        Assert.NotEqual(refresh, refresh2);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(clocked, access2).GetAsync(Search)).StatusCode);

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hashes = await db.RefreshTokens.Select(t => t.Hash).ToListAsync();
            Assert.Equal(2, hashes.Count);
            Assert.DoesNotContain(refresh, hashes);
            Assert.DoesNotContain(refresh2, hashes);
            Assert.Contains(AuthTokens.HashOf(refresh2), hashes);
        }

        // The old refresh token used again: someone holds a copy. The whole session ends, the thief's and the owner's tokens.
        var reused = await RefreshAsync(clocked, refresh);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("auth.invalid_refresh_token", (await Demo.JsonAsync(reused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(clocked, refresh2)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(clocked, access2).GetAsync(Search)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(clocked, "not-a-token")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Revoke_ends_a_session_at_once_by_its_refresh_token_or_by_its_own_bearer_token(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (access, refresh, _) = await PairAsync(await TokenAsync(app, "agent.premium-sales"));
        var revoked = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/revoke", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, access).GetAsync(Search)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refresh)).StatusCode);

        var (other, otherRefresh, _) = await PairAsync(await TokenAsync(app, "agent.premium-sales"));
        var client = Bearer(app, other);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Search)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Search)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, otherRefresh)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_password_reset_a_deactivation_or_a_removed_membership_ends_the_users_tokens_and_refresh_tokens(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin");

        async Task<JsonElement> UserAsync(string name) =>
            (await Demo.JsonAsync(await admin.GetAsync($"/api/v1/users?q={name}"))).GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == name);

        var cases = new (string User, Func<JsonElement, Task<HttpResponseMessage>> Act)[]
        {
            ("agent.premium-sales", u => admin.PostAsJsonAsync($"/api/v1/users/{u.GetProperty("id")}/password", new { newPassword = "OtraClave2026x" })),
            ("agent.sales-cell", u => admin.PutAsJsonAsync($"/api/v1/users/{u.GetProperty("id")}/active", new { active = false })),
            ("supervisor.premium-sales", u => admin.DeleteAsync($"/api/v1/memberships/{u.GetProperty("memberships")[0].GetProperty("id")}")),
        };
        foreach (var (user, act) in cases)
        {
            var (access, refresh, _) = await PairAsync(await TokenAsync(app, user));
            var client = Bearer(app, access);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Search)).StatusCode);

            var done = await act(await UserAsync(user));
            Assert.True(done.IsSuccessStatusCode, $"{user}: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Search)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refresh)).StatusCode);
        }

        Assert.Empty(app.LoggedErrors);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using static ContactOps.Tests.Ui.UiPageTests;

namespace ContactOps.Tests.Admin;

/// <summary>The user's own profile (extension, dialer login): the API, its validation codes, and the desk and sale form that prefill it.</summary>
public class MyProfileTests
{
    public static TheoryData<Provider> Providers => new() { Provider.Sqlite, Provider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_agent_saves_the_extension_and_dialer_login_and_reads_them_back(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var empty = await Demo.JsonAsync(await agent.GetAsync("/api/v1/me/profile"));
        Assert.Equal("agent.premium-sales", empty.GetProperty("login").GetString());
        Assert.Null(empty.GetProperty("extension").GetString());
        Assert.Equal("agent.premium-sales", empty.GetProperty("deskLogin").GetString()); // no dialer login: the account's

        var saved = await agent.PutAsJsonAsync("/api/v1/me/profile", new { extension = " 4101 ", dialerLogin = "mf.rodriguez_01" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await Demo.JsonAsync(await agent.GetAsync("/api/v1/me/profile"));
        Assert.Equal("4101", read.GetProperty("extension").GetString());
        Assert.Equal("mf.rodriguez_01", read.GetProperty("dialerLogin").GetString());
        Assert.Equal("mf.rodriguez_01", read.GetProperty("deskLogin").GetString());

        // Another user's profile is untouched; blank clears.
        var other = await Demo.JsonAsync(await (await app.ClientForAsync("supervisor.premium-sales")).GetAsync("/api/v1/me/profile"));
        Assert.Null(other.GetProperty("extension").GetString());
        var cleared = await Demo.JsonAsync(await agent.PutAsJsonAsync("/api/v1/me/profile", new { extension = "", dialerLogin = (string?)null }));
        Assert.Null(cleared.GetProperty("extension").GetString());
        Assert.Equal("agent.premium-sales", cleared.GetProperty("deskLogin").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_admin_sets_an_agents_extension_and_dialer_login_which_the_agent_then_reads(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");
        var users = await Demo.JsonAsync(await admin.GetAsync("/api/v1/users?q=agent.premium-sales"));
        var agentRow = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "agent.premium-sales");
        var id = agentRow.GetProperty("id").GetGuid();

        var saved = await admin.PutAsJsonAsync($"/api/v1/users/{id}/desk", new { extension = " 4102 ", dialerLogin = "co.agente_07" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var row = await Demo.JsonAsync(saved);
        Assert.Equal("4102", row.GetProperty("extension").GetString());
        Assert.Equal("co.agente_07", row.GetProperty("dialerLogin").GetString());

        // The agent's desk defaults are what the admin set.
        var agent = await app.ClientForAsync("agent.premium-sales");
        var profile = await Demo.JsonAsync(await agent.GetAsync("/api/v1/me/profile"));
        Assert.Equal("4102", profile.GetProperty("extension").GetString());
        Assert.Equal("co.agente_07", profile.GetProperty("deskLogin").GetString());

        // The same rules as the user's own page; nothing changes on a refusal.
        var bad = await admin.PutAsJsonAsync($"/api/v1/users/{id}/desk", new { extension = "41a", dialerLogin = "co.agente_07" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("profile.extension_invalid", (await Demo.JsonAsync(bad)).GetProperty("code").GetString());
        Assert.Equal("4102", (await Demo.JsonAsync(await agent.GetAsync("/api/v1/me/profile"))).GetProperty("extension").GetString());

        // An agent cannot set anyone's, not even their own, through the admin route; the other client's admin cannot either.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/v1/users/{id}/desk", new { extension = "4999" })).StatusCode);
        var other = await (await app.ClientForAsync("admin.telco-bo")).PutAsJsonAsync($"/api/v1/users/{id}/desk", new { extension = "4999" });
        Assert.Contains(other.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });

        // Blank clears; the change is in the audit trail.
        var cleared = await Demo.JsonAsync(await admin.PutAsJsonAsync($"/api/v1/users/{id}/desk", new { extension = "", dialerLogin = "" }));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("extension").ValueKind);
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContactOps.Platform.Data.AppDbContext>();
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Changes!.Contains("desk-changed")));
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_input_is_a_problem_with_a_stable_code_in_the_callers_language(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        await agent.PutAsJsonAsync("/api/v1/me/profile", new { extension = "4101" });

        foreach (var bad in new[] { "1", "123456789", "41a1", "+4101" })
        {
            var response = await agent.PutAsJsonAsync("/api/v1/me/profile", new { extension = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Demo.JsonAsync(response);
            Assert.Equal("profile.extension_invalid", problem.GetProperty("code").GetString());
            Assert.Equal("La extensión debe tener entre 2 y 8 dígitos (solo números).", problem.GetProperty("errors").GetProperty("extension")[0].GetString());
        }

        var both = await Demo.JsonAsync(await agent.PutAsJsonAsync("/api/v1/me/profile", new { extension = "x", dialerLogin = "mf rodríguez" }));
        Assert.Equal("profile.extension_invalid", both.GetProperty("code").GetString());
        Assert.True(both.GetProperty("errors").TryGetProperty("dialerLogin", out _));

        var login = await agent.PutAsJsonAsync("/api/v1/me/profile", new { dialerLogin = new string('a', 41) });
        Assert.Equal("profile.dialer_login_invalid", (await Demo.JsonAsync(login)).GetProperty("code").GetString());

        using var english = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/profile") { Content = JsonContent.Create(new { extension = "12a" }) };
        english.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=en|uic=en")); // the culture cookie, as the language switch sets it
        var en = await Demo.JsonAsync(await agent.SendAsync(english));
        Assert.Equal("profile.extension_invalid", en.GetProperty("code").GetString());
        Assert.Equal("The extension must have 2 to 8 digits (numbers only).", en.GetProperty("errors").GetProperty("extension")[0].GetString());

        // Nothing bad was kept.
        Assert.Equal("4101", (await Demo.JsonAsync(await agent.GetAsync("/api/v1/me/profile"))).GetProperty("extension").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_desk_and_the_sale_form_prefill_the_profiles_extension_and_dialer_login(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var customer = await Demo.CustomerIdAsync(app, Demo.CoDocument);

        // Before: no extension, the account's login.
        var page = await SignInAsync(app, "agent.premium-sales");
        var before = await PageAsync(page, $"/sales/new?customerId={customer}");
        Assert.Matches("id=\"sale-login\"[^>]*value=\"agent.premium-sales\"", before);
        Assert.DoesNotMatch("id=\"sale-extension\"[^>]*value=\"4101\"", before);

        var api = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/me/profile", new { extension = "4101", dialerLogin = "mfrodriguez" })).StatusCode);

        var form = await PageAsync(page, $"/sales/new?customerId={customer}");
        Assert.Matches("id=\"sale-extension\"[^>]*value=\"4101\"", form);
        Assert.Matches("id=\"sale-login\"[^>]*value=\"mfrodriguez\"", form);
        var desk = await PageAsync(page, "/inbound");
        Assert.Matches("id=\"desk-extension\"[^>]*value=\"4101\"", desk);
        Assert.Matches("id=\"desk-login\"[^>]*value=\"mfrodriguez\"", desk);

        // The profile page shows them, and the top bar's user name links to it.
        var profile = await PageAsync(page, "/my/profile");
        Assert.Contains("Mi perfil", profile);
        Assert.Matches("id=\"profile-extension\"[^>]*value=\"4101\"", profile);
        Assert.Matches("<a href=\"/my/profile[^\"]*\"[^>]*id=\"user-name\"", profile);
        Assert.Empty(app.LoggedErrors);
    }
}

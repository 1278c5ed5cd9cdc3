using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Admin;

public class AdminApiTests
{
    private const string StrongPassword = "Bienvenido2026";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Operation_admin_creates_a_user_with_a_membership_in_their_operation_but_not_in_another_clients(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.premium-sales");

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "nuevo.agente", displayName = "Nuevo Agente", password = StrongPassword });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var userId = (await Json(created)).GetProperty("id").GetGuid();

        var member = await admin.PostAsJsonAsync($"/api/v1/users/{userId}/memberships", new { operation = "premium-sales", role = "Agent" });
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        var memberships = (await Json(member)).GetProperty("memberships");
        Assert.Equal(1, memberships.GetArrayLength());
        Assert.Equal("premium-sales", memberships[0].GetProperty("operation").GetString());
        Assert.Equal("Agent", memberships[0].GetProperty("role").GetString());

        // The new user signs in and works in premium-sales (the membership reached their claims).
        var newcomer = await app.ClientForAsync("nuevo.agente", StrongPassword);
        var search = await newcomer.GetAsync("/api/v1/customers?q=1020304050");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);

        // Another client's operation (telco-bo / digital-sales) cannot be managed: 404, not the data.
        var other = await admin.PostAsJsonAsync($"/api/v1/users/{userId}/memberships", new { operation = "digital-sales", role = "Agent" });
        Assert.Contains(other.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        var update = await admin.PutAsJsonAsync("/api/v1/operations/digital-sales", new { name = "X", kind = "DigitalSales", fcrWindowDays = 7 });
        Assert.Contains(update.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/api-keys?operation=digital-sales")).StatusCode);

        // A user of the other client is not even listed.
        var users = await Json(await admin.GetAsync("/api/v1/users?pageSize=500"));
        var names = users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("nuevo.agente", names);
        Assert.Contains("agent.premium-sales", names);
        Assert.DoesNotContain("agent.digital-sales", names);

        // Another operation of the same client is beyond an operation admin (403); the client's admin manages it.
        var sameClient = new { name = "Célula de ventas", kind = "SalesCell", fcrWindowDays = 10 };
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync("/api/v1/operations/sales-cell", sameClient)).StatusCode);
        var clientAdmin = await app.ClientForAsync("admin.telco-co");
        var updated = await clientAdmin.PutAsJsonAsync("/api/v1/operations/sales-cell", sameClient);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(10, (await Json(updated)).GetProperty("fcrWindowDays").GetInt32());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_agent_is_refused_on_admin_endpoints(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/users", new { userName = "x.y.z", displayName = "X", password = StrongPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/api-keys", new { name = "k", operation = "premium-sales", role = "Agent" })).StatusCode);
        var op = await agent.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "X", kind = "InboundSales", fcrWindowDays = 7 });
        Assert.Equal(HttpStatusCode.Forbidden, op.StatusCode);
        Assert.Contains("administrador", await op.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And nothing changed.
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "x.y.z"));
        Assert.Equal(0, await db.ApiKeys.CountAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Api_key_authenticates_within_its_operation_and_stops_after_revocation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.premium-sales");
        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Integración CRM", operation = "premium-sales", role = "Agent" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await Json(created);
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("apiKey").GetProperty("id").GetGuid();
        Assert.StartsWith("co_" + body.GetProperty("apiKey").GetProperty("prefix").GetString() + "_", key, StringComparison.Ordinal);

        Guid boCustomerId;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bo = await db.Clients.SingleAsync(c => c.Code == "telco-bo");
            boCustomerId = await db.Customers.Where(c => c.ClientId == bo.Id).Select(c => c.Id).FirstAsync();
            Assert.DoesNotContain(key, string.Join('\n', await db.ApiKeys.Select(k => k.Hash + k.Prefix + k.Name).ToListAsync()), StringComparison.Ordinal);
        }

        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        var search = await integration.GetAsync("/api/v1/customers?q=1020304050");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("1020304050"[^4..], await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await integration.GetAsync($"/api/v1/customers/{boCustomerId}")).StatusCode);

        // The list shows the key (prefix, never the secret) with its last use.
        var list = await admin.GetAsync("/api/v1/api-keys?operation=premium-sales");
        var listed = (await Json(list)).GetProperty("items")[0];
        Assert.Equal("Integración CRM", listed.GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(key, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/api-keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/v1/customers?q=1020304050")).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Weak_password_is_rejected_with_a_spanish_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.premium-sales");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "debil.clave", displayName = "Clave Débil", password = "corta" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        var messages = string.Join(" | ", problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("La contraseña debe tener al menos 10 caracteres", messages, StringComparison.Ordinal);
        Assert.Contains("mayúscula", messages, StringComparison.Ordinal);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "debil.clave"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Holiday_override_shows_in_the_calendar_and_is_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");

        // An operation admin reads the client's calendar but does not change it.
        var operationAdmin = await app.ClientForAsync("admin.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await operationAdmin.GetAsync("/api/v1/clients/telco-co/calendar/holidays?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operationAdmin.PostAsJsonAsync("/api/v1/clients/telco-co/calendar/overrides", new { date = "2026-12-24", removal = false, name = "Nochebuena" })).StatusCode);

        var before = await Json(await admin.GetAsync("/api/v1/clients/telco-co/calendar/holidays?year=2026"));
        Assert.DoesNotContain(before.EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-12-24");
        Assert.Contains(before.EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-12-08");

        var add = await admin.PostAsJsonAsync("/api/v1/clients/telco-co/calendar/overrides", new { date = "2026-12-24", removal = false, name = "Nochebuena" });
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var remove = await admin.PostAsJsonAsync("/api/v1/clients/telco-co/calendar/overrides", new { date = "2026-12-08", removal = true, name = "Se trabaja" });
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);

        var after = await Json(await admin.GetAsync("/api/v1/clients/telco-co/calendar/holidays?year=2026"));
        var added = after.EnumerateArray().Single(h => h.GetProperty("date").GetString() == "2026-12-24");
        Assert.Equal("Nochebuena", added.GetProperty("name").GetString());
        Assert.DoesNotContain(after.EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-12-08");
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());

        // Bad input is refused with a Spanish message; another client's calendar is not found.
        var bad = await admin.PostAsJsonAsync("/api/v1/clients/telco-co/calendar/overrides", new { date = "24/12/2026", removal = false, name = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("AAAA-MM-DD", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/clients/telco-bo/calendar/overrides", new { date = "2026-12-24", removal = false, name = "X" })).StatusCode);
        var hours = await admin.PutAsJsonAsync("/api/v1/clients/telco-co/calendar/opening-hours", new { weeklyHours = "Lun-Vie 25:00-18:00" });
        Assert.Equal(HttpStatusCode.BadRequest, hours.StatusCode);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Entity == "ClientHoliday").ToListAsync();
        Assert.Equal(2, entries.Count);
        var adminId = await db.Users.Where(u => u.UserName == "admin.telco-co").Select(u => u.Id).SingleAsync();
        Assert.All(entries, e => Assert.Equal(adminId, e.UserId));
        Assert.Contains(entries, e => e.Changes != null && e.Changes.Contains("Nochebuena", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deactivated_user_cannot_sign_in_and_membership_change_is_audited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.premium-sales");
        var users = await Json(await admin.GetAsync("/api/v1/users?q=agent.premium-sales"));
        var agent = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "agent.premium-sales");
        var agentId = agent.GetProperty("id").GetGuid();
        var membershipId = agent.GetProperty("memberships")[0].GetProperty("id").GetGuid();

        var change = await admin.PutAsJsonAsync($"/api/v1/memberships/{membershipId}", new { role = "BackOffice" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("BackOffice", (await Json(change)).GetProperty("memberships")[0].GetProperty("role").GetString());

        var off = await admin.PutAsJsonAsync($"/api/v1/users/{agentId}/active", new { active = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "agent.premium-sales", password = Modules.Demo.DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{agentId}/active", new { active = true })).StatusCode);
        await app.ClientForAsync("agent.premium-sales");

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.Where(e => e.Entity == "Membership" && e.EntityId == membershipId.ToString() && e.Action == global::ContactOps.Platform.Audit.AuditAction.Updated).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Contains("BackOffice", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("Agent", entry.Changes, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Admin;

/// <summary>
/// The three tiers of administration (security review, issue 13, findings 2–4): a platform admin manages everything, a client
/// admin one client, an operation admin only the operations where they hold Admin, and never a person or a role beyond them.
/// </summary>
public class AdminScopeTests
{
    private const string NewPassword = "Tomada2026Cuenta";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_admin_of_another_client_cannot_add_a_membership_to_a_user_nor_read_them(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var boAdmin = await app.ClientForAsync("admin.digital-sales");
        var coUser = await UserIdAsync(app, "agent.premium-sales");

        var add = await boAdmin.PostAsJsonAsync($"/api/v1/users/{coUser}/memberships", new { operation = "digital-sales", role = "Agent" });
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        var body = await add.Content.ReadAsStringAsync();
        Assert.DoesNotContain("premium-sales", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@telco-co", body, StringComparison.OrdinalIgnoreCase);

        // Nothing was written, and telco-co's own admin still manages the user.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == coUser));
        }

        var coAdmin = await app.ClientForAsync("admin.telco-co");
        Assert.Equal(HttpStatusCode.OK, (await coAdmin.PostAsJsonAsync($"/api/v1/users/{coUser}/password", new { newPassword = NewPassword })).StatusCode);

        // The other client's admin neither resets nor unlocks them.
        Assert.Equal(HttpStatusCode.NotFound, (await boAdmin.PostAsJsonAsync($"/api/v1/users/{coUser}/password", new { newPassword = "Otra2026Clave" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boAdmin.PostAsync($"/api/v1/users/{coUser}/unlock", null)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_operation_admin_cannot_take_over_the_client(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.premium-sales");
        var self = await UserIdAsync(app, "admin.premium-sales");

        // People who work beyond premium-sales: refused, and their password still works.
        foreach (var userName in new[] { "supervisor.telco-co", "agent.sales-cell" })
        {
            var id = await UserIdAsync(app, userName);
            var reset = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = NewPassword });
            Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
            Assert.Equal("user.out_of_scope", (await Demo.JsonAsync(reset)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/users/{id}/active", new { active = false })).StatusCode);
            await app.ClientForAsync(userName);
        }

        // No Admin for itself elsewhere, no keys for another operation, no other operation's targets, no client admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/users/{self}/memberships", new { operation = "adjustments-cell", role = "Admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "robot", operation = "sales-cell", role = "Supervisor" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync("/api/v1/operations/sales-cell/kpi-targets/effectiveness", new { target = 0.01m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/users/{self}/client-admin/telco-co", new { granted = true })).StatusCode);
        var supervisorMembership = await MembershipIdAsync(app, "supervisor.telco-co", "sales-cell");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/memberships/{supervisorMembership}", new { role = "Agent" })).StatusCode);

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == self));
            Assert.False(await db.ApiKeys.IgnoreQueryFilters().AnyAsync());
        }

        // Within its own operation it still does its job.
        var agent = await UserIdAsync(app, "agent.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{agent}/password", new { newPassword = NewPassword })).StatusCode);
        await app.ClientForAsync("agent.premium-sales", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "robot", operation = "premium-sales", role = "Supervisor" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/operations/premium-sales/kpi-targets/effectiveness", new { target = 0.02m })).StatusCode);

        // The users list shows only premium-sales people, and of a multi-operation user only the premium-sales membership.
        var users = (await Demo.JsonAsync(await admin.GetAsync("/api/v1/users?pageSize=500"))).GetProperty("items").EnumerateArray().ToList();
        var names = users.Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("agent.premium-sales", names);
        Assert.DoesNotContain("agent.sales-cell", names);
        var multi = users.Single(u => u.GetProperty("userName").GetString() == "supervisor.telco-co");
        Assert.Equal("premium-sales", Assert.Single(multi.GetProperty("memberships").EnumerateArray()).GetProperty("operation").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_client_admin_manages_the_clients_people_grants_client_admin_and_stays_out_of_the_other_client(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");
        var supervisor = await UserIdAsync(app, "supervisor.telco-co");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{supervisor}/password", new { newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "robot", operation = "sales-cell", role = "Supervisor" })).StatusCode);

        // Grants the administration of telco-co to a coordinator, who can then manage sales-cell's people.
        var coordinator = await UserIdAsync(app, "coordinator.sales-cell");
        var granted = await admin.PutAsJsonAsync($"/api/v1/users/{coordinator}/client-admin/telco-co", new { granted = true });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("telco-co", Assert.Single((await Demo.JsonAsync(granted)).GetProperty("clientAdminOf").EnumerateArray()).GetString());
        var newAdmin = await app.ClientForAsync("coordinator.sales-cell");
        Assert.Equal(HttpStatusCode.OK, (await newAdmin.PostAsync($"/api/v1/users/{await UserIdAsync(app, "agent.adjustments-cell")}/unlock", null)).StatusCode);

        // An operation admin may not reset a client admin; the other client is not found.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("admin.sales-cell")).PostAsJsonAsync($"/api/v1/users/{coordinator}/password", new { newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/users/{await UserIdAsync(app, "agent.digital-sales")}/password", new { newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/users/{coordinator}/client-admin/telco-bo", new { granted = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/operations/digital-sales/kpi-targets/effectiveness", new { target = 0.01m })).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Password_resets_unlocks_deactivations_and_grants_are_audited_for_the_clients_leaders(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin.telco-co");
        var agent = await UserIdAsync(app, "agent.premium-sales");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{agent}/password", new { newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{agent}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{agent}/active", new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{agent}/client-admin/telco-co", new { granted = true })).StatusCode);

        var audit = await Demo.JsonAsync(await (await app.ClientForAsync("supervisor.premium-sales")).GetAsync($"/api/v1/audit?entity=AppUser&entityId={agent}&pageSize=50"));
        var actions = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").ToString() is nameof(AuditAction.AccountAction) or "7")
            .Select(e => JsonDocument.Parse(e.GetProperty("changes").GetString()!).RootElement.GetProperty("action").GetString())
            .ToList();
        Assert.Contains("password_reset", actions);
        Assert.Contains("unlocked", actions);
        Assert.Contains("deactivated", actions);
        Assert.Contains("client_admin_granted", actions);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var adminId = await UserIdAsync(app, "admin.telco-co");
        Assert.All(await db.AuditEntries.Where(e => e.EntityId == agent.ToString() && e.Action == AuditAction.AccountAction).ToListAsync(),
            e => Assert.Equal(adminId, e.UserId));
    }

    private static async Task<Guid> UserIdAsync(TestApp app, string userName)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Guid> MembershipIdAsync(TestApp app, string userName, string operation)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from m in db.Memberships.IgnoreQueryFilters()
                      join u in db.Users on m.UserId equals u.Id
                      join o in db.Operations.IgnoreQueryFilters() on m.OperationId equals o.Id
                      where u.UserName == userName && o.Code == operation
                      select m.Id).SingleAsync();
    }
}

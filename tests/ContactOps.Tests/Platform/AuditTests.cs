using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>Every change is appended to the audit trail; the trail cannot be changed, not even with raw SQL.</summary>
public class AuditTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Renaming_a_customer_as_a_user_appends_who_which_client_which_record_and_before_after(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var customerId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var clientId = await Demo.ClientIdAsync(app, "telco-co");
        long lastId;
        await using (var before = app.SystemScope())
        {
            lastId = await before.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.MaxAsync(e => e.Id);
        }

        Guid userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("lookup");
            var user = (await users.FindByNameAsync("backoffice.premium-sales"))!;
            userId = user.Id;
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            var access = scope.ServiceProvider.GetRequiredService<AccessScope>();
            access.SetUser(principal);
            Assert.False(access.SeesAll);

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            customer.Rename("María José", customer.LastNames);
            await db.SaveChangesAsync();
        }

        await using var check = app.SystemScope();
        var entries = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(e => e.Id > lastId)
            .ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal(userId, entry.UserId);
        Assert.Equal(clientId, entry.ClientId);
        Assert.Equal("Customer", entry.Entity);
        Assert.Equal(customerId.ToString(), entry.EntityId);
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Contains("María José", entry.Changes, StringComparison.Ordinal); // stored readable, not \u-escaped
        Assert.False(string.IsNullOrEmpty(entry.UserName));
        Assert.NotEqual("anónimo", entry.UserName);
        using var changes = JsonDocument.Parse(entry.Changes!);
        var first = changes.RootElement.GetProperty("FirstNames");
        Assert.Equal("María Fernanda", first[0].GetString());
        Assert.Equal("María José", first[1].GetString());
        Assert.Equal("MARIA FERNANDA RODRIGUEZ PENA", changes.RootElement.GetProperty("SearchName")[0].GetString());
        Assert.False(changes.RootElement.TryGetProperty("LastNames", out _)); // unchanged values are not listed
        var age = app.Services.GetRequiredService<TimeProvider>().GetUtcNow() - entry.At;
        Assert.InRange(age, TimeSpan.Zero, TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Revealing_personal_data_appends_a_personal_data_read_entry(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var customerId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var backOffice = await app.ClientForAsync("backoffice.premium-sales");

        var shown = await backOffice.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        Assert.DoesNotContain("1020304050", shown.GetProperty("documentMasked").GetString(), StringComparison.Ordinal);

        var response = await backOffice.PostAsync($"/api/v1/customers/{customerId}/reveal", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("+573001234567", text, StringComparison.Ordinal);

        await using var check = app.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var backOfficeId = await db.Users.Where(u => u.UserName == "backoffice.premium-sales").Select(u => u.Id).SingleAsync();
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditAction.PersonalDataRead).ToListAsync());
        Assert.Equal(backOfficeId, entry.UserId);
        Assert.Equal(customerId.ToString(), entry.EntityId);
        Assert.Equal("Customer", entry.Entity);
        Assert.Equal(await Demo.ClientIdAsync(app, "telco-co"), entry.ClientId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Audit_entries_cannot_be_updated_or_deleted_through_the_context_or_with_raw_sql(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.AuditEntries.CountAsync();
        Assert.True(before > 0, "the demo seed is audited");

        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
        db.Entry(entry).Property(e => e.UserName).CurrentValue = "alguien más";
        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("solo anexión", update.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();

        entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var raw = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'"));
        Assert.Contains("append-only", raw.Message, StringComparison.Ordinal);
        raw = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("append-only", raw.Message, StringComparison.Ordinal);
        if (provider == Provider.Postgres)
        {
            raw = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));
            Assert.Contains("append-only", raw.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.UserName == "x" || e.UserName == "alguien más"));

        // Appending still works.
        db.AuditEntries.Add(scope.ServiceProvider.GetRequiredService<AuditLog>().Entry(null, null, "Prueba", "1", AuditAction.SignIn, null));
        await db.SaveChangesAsync();
        Assert.Equal(before + 1, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Supervisors_browse_the_audit_of_their_own_client_only_and_agents_are_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var coClient = await Demo.ClientIdAsync(app, "telco-co");
        var boClient = await Demo.ClientIdAsync(app, "telco-bo");

        // Reads of personal data in both clients.
        var coAgent = await app.ClientForAsync("agent.premium-sales");
        var coBackOffice = await app.ClientForAsync("backoffice.premium-sales");
        var boBackOffice = await app.ClientForAsync("backoffice.digital-sales");
        Assert.Equal(HttpStatusCode.OK, (await coBackOffice.PostAsync($"/api/v1/customers/{await Demo.CustomerIdAsync(app, Demo.CoDocument)}/reveal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boBackOffice.PostAsync($"/api/v1/customers/{await Demo.CustomerIdAsync(app, Demo.BoDocument)}/reveal", null)).StatusCode);

        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var page = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=PersonalDataRead&pageSize=500");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(items);
        Assert.Equal(coClient, item.GetProperty("clientId").GetGuid());
        Assert.Equal(1, page.GetProperty("total").GetInt64());

        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=500");
        Assert.True(all.GetProperty("total").GetInt64() > 0);
        Assert.All(all.GetProperty("items").EnumerateArray(), e => Assert.Equal(coClient, e.GetProperty("clientId").GetGuid()));

        // The platform admin sees both.
        var admin = await app.ClientForAsync("admin");
        var adminPage = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=PersonalDataRead&pageSize=500");
        var clients = adminPage.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("clientId").GetGuid()).ToHashSet();
        Assert.Equal([coClient, boClient], clients.OrderBy(g => g == coClient ? 0 : 1));

        var refused = await coAgent.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.LoggedErrors);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>A record of another client does not exist for the caller: 404, never 403, never the data.</summary>
public class IsolationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_telco_bo_user_gets_404_on_a_telco_co_customer_and_cannot_find_or_reveal_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var coId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var boId = await Demo.CustomerIdAsync(app, Demo.BoDocument);
        var bo = await app.ClientForAsync("agent.digital-sales");
        var co = await app.ClientForAsync("agent.premium-sales");

        var foreign = await bo.GetAsync($"/api/v1/customers/{coId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var body = await foreign.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Fernanda", body, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", body, StringComparison.Ordinal);

        var reveal = await bo.PostAsync($"/api/v1/customers/{coId}/reveal", null);
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        Assert.DoesNotContain("1020304050", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Empty(await Demo.SearchNamesAsync(bo, Demo.CoPhone));
        Assert.Empty(await Demo.SearchNamesAsync(bo, "maria fernanda rodriguez"));
        Assert.Empty(await Demo.SearchNamesAsync(bo, Demo.CoDocument));
        Assert.Contains("María Fernanda Rodríguez Peña", await Demo.SearchNamesAsync(co, Demo.CoPhone));

        // Their own client's customer is there; the Colombian agent cannot see it.
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/api/v1/customers/{boId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await co.GetAsync($"/api/v1/customers/{boId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await co.GetAsync($"/api/v1/customers/{coId}")).StatusCode);

        // A client filter naming a foreign client yields nothing either.
        var coClient = await Demo.ClientIdAsync(app, "telco-co");
        var filtered = await bo.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={Uri.EscapeDataString(Demo.CoDocument)}&clientId={coClient}");
        Assert.Equal(0, filtered.GetProperty("total").GetInt64());

        // A foreign client's calendar does not exist for them either.
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync("/api/v1/clients/telco-co/calendar/holidays?year=2026")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_platform_admin_sees_customers_of_both_clients(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/customers/{await Demo.CustomerIdAsync(app, Demo.CoDocument)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/customers/{await Demo.CustomerIdAsync(app, Demo.BoDocument)}")).StatusCode);
        Assert.Contains("María Fernanda Rodríguez Peña", await Demo.SearchNamesAsync(admin, Demo.CoPhone));
        Assert.Contains("Juan Carlos Quispe Mamani", await Demo.SearchNamesAsync(admin, Demo.BoDocument));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_api_key_is_scoped_to_its_operation_and_stops_working_once_revoked(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var coId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var boId = await Demo.CustomerIdAsync(app, Demo.BoDocument);
        var (key, _, hash) = ApiKeySecrets.Generate();
        Guid keyId;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var op = await db.Operations.SingleAsync(o => o.Code == "digital-sales");
            var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var apiKey = new ApiKey(op.ClientId, op.Id, "integración pruebas", ApiKeySecrets.PrefixOf(key)!, hash, Role.Agent, adminId, null);
            db.ApiKeys.Add(apiKey);
            await db.SaveChangesAsync();
            keyId = apiKey.Id;
        }

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeySecrets.HeaderName, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/customers/{boId}")).StatusCode);
        Assert.Contains("Juan Carlos Quispe Mamani", await Demo.SearchNamesAsync(client, Demo.BoDocument));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/customers/{coId}")).StatusCode);
        Assert.Empty(await Demo.SearchNamesAsync(client, Demo.CoPhone));

        // A key with the right prefix but a different secret is refused.
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Add(ApiKeySecrets.HeaderName, key[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/v1/customers/{boId}")).StatusCode);

        var malformed = app.CreateClient();
        malformed.DefaultRequestHeaders.Add(ApiKeySecrets.HeaderName, "no-es-una-clave");
        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync($"/api/v1/customers/{boId}")).StatusCode);

        // An expired key is refused as well.
        var (expiredKey, _, expiredHash) = ApiKeySecrets.Generate();
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var op = await db.Operations.SingleAsync(o => o.Code == "digital-sales");
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.ApiKeys.Add(new ApiKey(op.ClientId, op.Id, "vencida", ApiKeySecrets.PrefixOf(expiredKey)!, expiredHash, Role.Agent, Guid.Empty, now.AddMinutes(-1)));
            await db.SaveChangesAsync();
            Assert.NotNull((await db.ApiKeys.SingleAsync(k => k.Id == keyId)).LastUsedAt);
        }

        var expired = app.CreateClient();
        expired.DefaultRequestHeaders.Add(ApiKeySecrets.HeaderName, expiredKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync($"/api/v1/customers/{boId}")).StatusCode);

        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var apiKey = await db.ApiKeys.SingleAsync(k => k.Id == keyId);
            apiKey.Revoke(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/customers/{boId}")).StatusCode);
    }
}

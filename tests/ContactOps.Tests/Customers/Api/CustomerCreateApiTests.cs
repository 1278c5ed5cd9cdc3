using System.Net;
using System.Net.Http.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Customers.Api;

/// <summary>POST /api/v1/customers: an agent takes a new customer down on a call, with the checks that keep duplicates out.</summary>
public class CustomerCreateApiTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_agent_creates_a_customer_and_duplicates_by_document_or_phone_are_caught(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var created = await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            operation = "premium-sales", documentType = "CC", documentNumber = "1.098.765.432", firstNames = "  Óscar  Iván ", lastNames = "Muñoz",
            phone = "(310) 555 0101", email = "oscar@correo.co",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await Demo.JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Contains("Óscar Iván Muñoz", await Demo.SearchNamesAsync(agent, "oscar mun"));
        Assert.Contains("Óscar Iván Muñoz", await Demo.SearchNamesAsync(agent, "310 555 0101"));

        // The same document (written another way) is the same customer: 409 with their id.
        var again = await agent.PostAsJsonAsync("/api/v1/customers", new { operation = "premium-sales", documentType = "cédula", documentNumber = "1098765432", firstNames = "Otro", phone = "3105550199" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var clash = await Demo.JsonAsync(again);
        Assert.Equal("customer.duplicate_document", clash.GetProperty("code").GetString());
        Assert.Equal(id, clash.GetProperty("customerId").GetGuid());
        Assert.Contains("Óscar Iván Muñoz", clash.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another document with the same phone: asked to confirm, then created.
        var shared = new { operation = "premium-sales", documentType = "CC", documentNumber = "52111222", firstNames = "Marta", lastNames = "Muñoz", phone = "310-555-0101" };
        var asked = await agent.PostAsJsonAsync("/api/v1/customers", shared);
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var phoneClash = await Demo.JsonAsync(asked);
        Assert.Equal("customer.phone_in_use", phoneClash.GetProperty("code").GetString());
        Assert.Equal(id, phoneClash.GetProperty("customerId").GetGuid());
        var confirmed = await agent.PostAsJsonAsync("/api/v1/customers", new { shared.operation, shared.documentType, shared.documentNumber, shared.firstNames, shared.lastNames, shared.phone, confirmSharedPhone = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        // Written to the audit trail like any customer change, by the agent.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trail = await db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.UserName + " " + a.Entity + " " + a.Action).ToListAsync();
            Assert.True(trail.Any(t => t.StartsWith("Asesor premium-sales Customer Created", StringComparison.Ordinal)), string.Join("; ", trail));
            Assert.Equal(2, await db.CustomerPhones.CountAsync(p => p.E164 == "+573105550101"));
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Invalid_input_wrong_roles_and_other_clients_are_refused_and_nothing_is_written(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        int before;
        await using (var scope = app.SystemScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.CountAsync();
        }

        var invalid = await agent.PostAsJsonAsync("/api/v1/customers", new { operation = "premium-sales", documentType = "CI", documentNumber = "12", firstNames = "", phone = "12345", email = "no-es-correo" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Demo.JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "documentType", "firstNames", "phone", "email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var badNumber = await Demo.JsonAsync(await agent.PostAsJsonAsync("/api/v1/customers", new { operation = "premium-sales", documentType = "CC", documentNumber = "12", firstNames = "Ana", phone = "3001112233" }));
        Assert.True(badNumber.GetProperty("errors").TryGetProperty("documentNumber", out _));

        var valid = new { operation = "premium-sales", documentType = "CC", documentNumber = "79555444", firstNames = "Ana", lastNames = "Ruiz", phone = "3001119988" };
        var quality = await app.ClientForAsync("qualityanalyst.premium-sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.PostAsJsonAsync("/api/v1/customers", valid)).StatusCode);
        var bolivian = await app.ClientForAsync("agent.digital-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await bolivian.PostAsJsonAsync("/api/v1/customers", valid)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync("/api/v1/customers", new { documentType = "CC" })).StatusCode);

        await using (var scope = app.SystemScope())
        {
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.CountAsync());
        }

        Assert.Empty(app.LoggedErrors);
    }
}

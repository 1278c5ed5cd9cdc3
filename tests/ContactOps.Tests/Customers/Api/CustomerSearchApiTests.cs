using System.Net;
using System.Text.Json;
using ContactOps.Modules.Customers;
using ContactOps.Platform;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Customers.Api;

/// <summary>GET /api/v1/customers?q=… finds a customer by a phone in any format, a document with punctuation or a name without accents.</summary>
public class CustomerSearchApiTests
{
    private const string Maria = "María Fernanda Rodríguez Peña";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Phones_documents_and_names_in_any_format_find_the_demo_customer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        foreach (var q in new[] { "+57 300 123 4567", "300-123-4567", "(300) 1234567", "573001234567", "300.123.4567" })
        {
            var response = await agent.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Demo.JsonAsync(response);
            var hit = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("fullName").GetString() == Maria);
            Assert.Equal("phone", hit.GetProperty("matchedBy").GetString());
            Assert.DoesNotContain("1234567", hit.GetProperty("phoneMasked").GetString(), StringComparison.Ordinal);
        }

        foreach (var q in new[] { "1.020.304.050", "1020304050", "1 020 304 050" })
        {
            var page = await Demo.JsonAsync(await agent.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString(q)));
            var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal(Maria, hit.GetProperty("fullName").GetString());
            Assert.Equal("document", hit.GetProperty("matchedBy").GetString());
            Assert.DoesNotContain("1020304050", hit.GetProperty("documentMasked").GetString(), StringComparison.Ordinal);
        }

        foreach (var q in new[] { "maria fernanda", "MARÍA FERNANDA rodriguez", "fernanda rodríguez peña" })
        {
            Assert.Contains(Maria, await Demo.SearchNamesAsync(agent, q));
        }

        // A phone that nobody has, in a valid format, finds nobody.
        Assert.DoesNotContain(Maria, await Demo.SearchNamesAsync(agent, "+57 300 765 4321"));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Names_match_the_start_of_each_word_in_any_order_and_follow_a_rename(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        // Words typed in part, in any order, any case, with or without accents.
        foreach (var q in new[] { "rodr mar", "PEÑA maría", "fer rod", "Pena Fernanda Maria Rodriguez" })
        {
            Assert.Contains(Maria, await Demo.SearchNamesAsync(agent, q));
        }

        // Every word must start a word of the name: the middle of a word, or a word she does not have, finds nobody.
        foreach (var q in new[] { "ernanda", "maria gonzalez", "odrigu" })
        {
            Assert.DoesNotContain(Maria, await Demo.SearchNamesAsync(agent, q));
        }

        // A rename replaces the words: the new name finds her, the words she lost do not.
        Guid id;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var maria = await db.Customers.SingleAsync(c => c.DocumentNumber == "1020304050");
            id = maria.Id;
            maria.Rename("Marisol", "Rodríguez de la Peña");
            await db.SaveChangesAsync();
            Assert.Equal(["DE", "LA", "MARISOL", "PENA", "RODRIGUEZ"], (await db.CustomerNameTokens.Where(t => t.CustomerId == id).Select(t => t.Token).ToListAsync()).Order(StringComparer.Ordinal));
        }

        Assert.Contains("Marisol Rodríguez de la Peña", await Demo.SearchNamesAsync(agent, "marisol peña"));
        Assert.DoesNotContain("Marisol Rodríguez de la Peña", await Demo.SearchNamesAsync(agent, "fernanda"));

        // A customer of another client with the same name is not found by this client's agent.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bolivia = await db.Clients.SingleAsync(c => c.Code == "telco-bo");
            db.Customers.Add(new Customer(bolivia.Id, IdDocument.Create(DocumentType.CI, "7654321", Country.BO).Value!, "Marisol", "Rodríguez Quispe"));
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain("Marisol Rodríguez Quispe", await Demo.SearchNamesAsync(agent, "marisol rodr"));
        Assert.Contains("Marisol Rodríguez Quispe", await Demo.SearchNamesAsync(await app.ClientForAsync("agent.digital-sales"), "marisol rodr"));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_query_shorter_than_three_characters_is_a_400_with_a_field_error_for_q(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        foreach (var url in new[] { "/api/v1/customers?q=ma", "/api/v1/customers?q=%20%20", "/api/v1/customers" })
        {
            var response = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Demo.JsonAsync(response);
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            var q = problem.GetProperty("errors").GetProperty("q");
            Assert.Equal(JsonValueKind.Array, q.ValueKind);
            Assert.Contains("al menos 3 caracteres", q[0].GetString(), StringComparison.Ordinal);
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>Looks up well-known demo records (seeded by DemoSeeder) by their natural keys.</summary>
internal static class Demo
{
    public const string CoPhone = "+57 300 123 4567";
    public const string CoDocument = "1020304050";
    public const string BoDocument = "4567890";

    public static async Task<Guid> CustomerIdAsync(TestApp app, string documentNumber)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Customers.Where(c => c.DocumentNumber == documentNumber).Select(c => c.Id).SingleAsync();
    }

    public static async Task<Guid> ClientIdAsync(TestApp app, string code)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Clients.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Names of the customers a search returns.</summary>
    public static async Task<List<string>> SearchNamesAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync("/api/v1/customers?pageSize=100&q=" + Uri.EscapeDataString(q));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!).ToList();
    }
}

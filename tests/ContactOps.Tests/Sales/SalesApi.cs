using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;

namespace ContactOps.Tests.Sales;

/// <summary>Small helpers to drive the sales API in tests.</summary>
internal static class SalesApi
{
    public static object Product(bool visit = false, string code = "HOG-INT300") =>
        new { tariffCode = code, description = "Producto " + code, quantity = 1, monthlyValue = 95000m, oneOffValue = 0m, needsTechnicianVisit = visit };

    /// <summary>A valid registration body for the kind (account for home kinds, line for mobile, donor for portability).</summary>
    public static Dictionary<string, object?> Body(Guid customerId, string kind, bool visit = false, string operation = "sales-cell", string account = "899000001")
    {
        var body = new Dictionary<string, object?>
        {
            ["operation"] = operation,
            ["customerId"] = customerId,
            ["kind"] = kind,
            ["products"] = new[] { Product(visit) },
            ["callId"] = "CALL-1",
            ["extension"] = "3101",
            ["sellerLogin"] = "ag1001",

            // Tests register many alike sales on purpose; the likely-duplicate question has its own test.
            ["confirmDuplicate"] = true,
        };
        if (kind.StartsWith("Home", StringComparison.Ordinal))
        {
            body["accountNumber"] = account;
        }

        if (kind.StartsWith("Mobile", StringComparison.Ordinal))
        {
            body["lineNumber"] = "310 555 1234";
        }

        if (kind == "MobilePortability")
        {
            body["donorOperator"] = "Operador Donante";
        }

        return body;
    }

    public static async Task<JsonElement> RegisterAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sales", body);
        var json = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync("/api/v1/sales/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Demo.JsonAsync(response);
    }

    public static Guid Id(JsonElement sale) => sale.GetProperty("id").GetGuid();

    public static int Version(JsonElement sale) => sale.GetProperty("version").GetInt32();

    public static string State(JsonElement sale) => sale.GetProperty("state").GetString()!;

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, JsonElement sale, string code, string? evidence = "ref", string result = "Ok", int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/steps", new { stepCode = code, result, evidence, version = version ?? Version(sale) });

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, JsonElement sale, string to, string? reason = null, int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/sales/{Id(sale)}/transitions", new { to, reason, version = version ?? Version(sale) });

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var json = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, response.StatusCode + ": " + json);
        return json;
    }

    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await Demo.JsonAsync(response);
        Assert.True(response.StatusCode == status, response.StatusCode + ": " + json);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return json.GetProperty("detail").GetString()!;
    }

    /// <summary>The checklist codes that apply to the sale, in order.</summary>
    public static List<string> ApplicableSteps(JsonElement sale) =>
        sale.GetProperty("checklist").EnumerateArray().Where(i => i.GetProperty("applies").GetBoolean()).Select(i => i.GetProperty("code").GetString()!).ToList();
}

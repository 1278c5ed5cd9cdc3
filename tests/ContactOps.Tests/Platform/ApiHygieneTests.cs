using System.Net;
using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Platform.Web;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>OpenAPI, reference, health, metrics, paging limits and ProblemDetails on every error.</summary>
public class ApiHygieneTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_count_stops_at_its_cap_and_says_so(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customers = await db.Customers.CountAsync();
        Assert.True(customers > 5, $"the demo has {customers} customers");
        var ordered = db.Customers.AsNoTracking().OrderBy(c => c.SearchName).ThenBy(c => c.Id);

        var capped = await ordered.ToPageAsync(new Paging(1, 3), customers - 2, CancellationToken.None);
        Assert.Equal(customers - 2, capped.Total);
        Assert.True(capped.TotalCapped);
        Assert.Equal(3, capped.Items.Count);

        var exact = await ordered.ToPageAsync(new Paging(2, 3), customers, CancellationToken.None);
        Assert.Equal(customers, exact.Total);
        Assert.False(exact.TotalCapped);
        Assert.Equal((await ordered.Skip(3).Take(3).ToListAsync()).Select(c => c.Id), exact.Items.Select(c => c.Id));

        // The API says it too: totalCapped is part of every page.
        var agent = await app.ClientForAsync("backoffice.sales-cell");
        var sheet = await Demo.JsonAsync(await agent.GetAsync("/api/v1/sales?operation=sales-cell&pageSize=5"));
        Assert.False(sheet.GetProperty("totalCapped").GetBoolean());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task OpenApi_scalar_health_and_metrics_answer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();

        var openApi = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using (var doc = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()))
        {
            Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("/api/v1/customers", paths.Select(p => p.TrimEnd('/')));
            Assert.Contains("/api/v1/customers/{id}", paths);
            Assert.Contains("/api/v1/auth/token", paths);
            Assert.Contains("/api/v1/audit", paths.Select(p => p.TrimEnd('/')));
            Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        }

        var scalar = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Equal("text/html", scalar.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        // Some traffic, then the scrape (a leader's; anonymous callers get 401) shows the request metrics in Prometheus text format.
        await (await app.ClientForAsync("agent.premium-sales")).GetAsync("/api/v1/customers?q=maria");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        var metrics = await (await app.ClientForAsync("supervisor.premium-sales")).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE ", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_error_reads_in_the_callers_language_and_keeps_its_stable_code(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var missing = "/api/v1/customers/" + Guid.NewGuid();

        async Task<JsonElement> ProblemAsync(string url, string? culture)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (culture is not null)
            {
                request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={culture}|uic={culture}"));
            }

            var response = await agent.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await Demo.JsonAsync(response);
        }

        var spanish = await ProblemAsync(missing, null);
        var english = await ProblemAsync(missing, "en");
        Assert.Equal("customer.not_found", spanish.GetProperty("code").GetString());
        Assert.Equal("customer.not_found", english.GetProperty("code").GetString());
        Assert.Equal("No se encontró el cliente.", spanish.GetProperty("detail").GetString());
        Assert.Equal("The customer was not found.", english.GetProperty("detail").GetString());
        Assert.Equal("No encontrado", spanish.GetProperty("title").GetString());
        Assert.Equal("Not found", english.GetProperty("title").GetString());

        // A field error: the field's message and the title in English, the code unchanged.
        var tooShort = await ProblemAsync("/api/v1/customers?q=ab", "en");
        Assert.Equal("search.too_short", tooShort.GetProperty("code").GetString());
        Assert.Equal("Invalid data", tooShort.GetProperty("title").GetString());
        Assert.StartsWith("Type at least 3 characters", tooShort.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var boliviano = await ProblemAsync("/api/v1/customers?q=ab", "es-BO");
        Assert.StartsWith("Escriba al menos 3 caracteres", boliviano.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "/api/v1/customers?q=maria&pageSize=0")]
    [InlineData(Provider.Postgres, "/api/v1/customers?q=maria&pageSize=0")]
    [InlineData(Provider.Sqlite, "/api/v1/customers?q=maria&pageSize=1000")]
    [InlineData(Provider.Postgres, "/api/v1/audit?pageSize=1000")]
    [InlineData(Provider.Sqlite, "/api/v1/audit?pageSize=0")]
    public async Task Lists_reject_page_sizes_out_of_range_with_a_field_error(Provider provider, string url)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var response = await supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("entre 1 y 500", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);

        var page0 = await supervisor.GetAsync(url.Replace("pageSize=0", "pageSize=10", StringComparison.Ordinal).Replace("pageSize=1000", "pageSize=10", StringComparison.Ordinal) + "&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, page0.StatusCode);
        Assert.True((await Demo.JsonAsync(page0)).GetProperty("errors").TryGetProperty("page", out _));

        var fine = await supervisor.GetAsync(url.Replace("pageSize=0", "pageSize=500", StringComparison.Ordinal).Replace("pageSize=1000", "pageSize=500", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_page_number_too_large_to_skip_is_a_400_not_a_server_error(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        foreach (var url in new[] { "/api/v1/audit?pageSize=500&page=2147483647", "/api/v1/customers?q=maria&pageSize=500&page=2147483647", "/api/v1/audit?pageSize=500&page=4294969" })
        {
            var response = await supervisor.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Demo.JsonAsync(response)).GetProperty("errors").TryGetProperty("page", out _), url);
        }

        // A large but reachable page ((4294968 - 1) × 500 fits in an int) is simply empty.
        var far = await supervisor.GetAsync("/api/v1/audit?pageSize=500&page=4294968");
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        Assert.Empty((await Demo.JsonAsync(far)).GetProperty("items").EnumerateArray());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_unexpected_failure_on_the_api_is_a_500_problem_details_without_the_exception(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        await using (var scope = app.SystemScope())
        {
            // Break the database under the running product.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE \"Customers\" RENAME TO \"CustomersGone\"");
        }

        var response = await agent.GetAsync($"/api/v1/customers/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("CustomersGone", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal(500, (await Demo.JsonAsync(response)).GetProperty("status").GetInt32());
        Assert.NotEmpty(app.LoggedErrors); // and it was logged
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Unknown_ids_and_unauthenticated_calls_answer_problem_details(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var missing = await agent.GetAsync($"/api/v1/customers/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await Demo.JsonAsync(missing);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("customer.not_found", problem.GetProperty("code").GetString());
        Assert.Equal("No se encontró el cliente.", problem.GetProperty("detail").GetString());

        var anonymous = await app.CreateClient().GetAsync("/api/v1/customers?q=maria");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await Demo.JsonAsync(anonymous)).GetProperty("status").GetInt32());
        Assert.Empty(app.LoggedErrors);
    }
}

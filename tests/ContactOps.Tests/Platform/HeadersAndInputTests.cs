using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ContactOps.Modules.Demo;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Platform;

/// <summary>Bad redirects and bodies answer 4xx, never 500 (issue 13, finding 10); response headers and /metrics (finding 11).</summary>
public class HeadersAndInputTests
{
    private static HttpClient NoRedirects(TestApp app, string? baseAddress = null) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress ?? "http://localhost") });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string returnUrl) =>
        client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "agent.premium-sales",
            ["password"] = DemoSeeder.DemoPassword,
            ["returnUrl"] = returnUrl,
        }));

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Return_urls_with_control_characters_and_culture_redirects_elsewhere_go_home_and_never_answer_500(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        foreach (var returnUrl in new[] { "/clientes\r\nSet-Cookie: x=1", "/\tevil.example", "/\\evil.example", "/clientes\tx", "//evil.example" })
        {
            var login = await LoginAsync(NoRedirects(app), returnUrl);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/", login.Headers.Location?.OriginalString);
        }

        foreach (var redirect in new[] { "/%5Cevil.example", "/%09/evil.example", "%2F%2Fevil.example", "/%0D%0Ax", "https://evil.example" })
        {
            var culture = await NoRedirects(app).GetAsync($"/culture/set?culture=en&redirectUri={redirect}");
            Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
            Assert.Equal("/", culture.Headers.Location?.OriginalString);
        }

        Assert.Equal("/clientes?x=1", (await NoRedirects(app).GetAsync("/culture/set?culture=en&redirectUri=%2Fclientes%3Fx%3D1")).Headers.Location?.OriginalString);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Malformed_json_answers_a_400_problem_with_a_code_and_a_Spanish_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.ClientForAsync("admin");
        foreach (var (client, path) in new[] { (app.CreateClient(), "/api/v1/auth/token"), (admin, "/api/v1/users"), (admin, "/api/v1/auth/refresh") })
        {
            var response = await client.PostAsync(path, new StringContent("{\"userName\": ", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Demo.JsonAsync(response);
            Assert.Equal("request.malformed_json", problem.GetProperty("code").GetString());
            Assert.StartsWith("El cuerpo de la solicitud no es un JSON válido", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A body of the wrong shape is the same mistake.
        var wrongShape = await app.CreateClient().PostAsync("/api/v1/auth/token", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        Assert.Equal("request.malformed_json", (await Demo.JsonAsync(wrongShape)).GetProperty("code").GetString());
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>
    /// Issue 13, finding 10: a due date computed from year 9999 answered 500 (the calendar ran past its last year); so did
    /// other dates at the ends of the calendar, found by the fuzz's far/early profiles. They answer 400 with the field.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Dates_at_the_ends_of_the_calendar_answer_400_with_the_field(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var leader = await app.ClientForAsync("supervisor.telco-co");
        var cases = new (string Url, string Field)[]
        {
            ("/api/v1/clients/telco-co/calendar/due?from=9999-12-31T23%3A59%3A59Z&businessHours=10", "from"),
            ("/api/v1/clients/telco-co/calendar/due?from=0001-01-01T00%3A00%3A00Z&businessHours=10", "from"),
            ("/api/v1/outbound/diagnosis?operation=devices-outbound&at=0001-01-01T00%3A00%3A00Z", "at"),
            ("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3001234567&at=9999-12-31T23%3A59%3A59Z", "at"),
            ("/api/v1/outbound/goals?operation=devices-outbound&from=9999-12-31&to=9999-12-31", "from"),
            ("/api/v1/adjustments/kpis?operation=adjustments-cell&from=9999-12-31&to=9999-12-31", "from"),
        };
        foreach (var (url, field) in cases)
        {
            var response = await leader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var problem = await Demo.JsonAsync(response);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{url}: {problem}");
        }

        // The same requests inside the calendar answer.
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/clients/telco-co/calendar/due?from=2026-12-04T16%3A00%3A00-05%3A00&businessHours=10")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>
    /// PostgreSQL cannot store a NUL in text: a NUL in a query, a JSON string, a multipart upload's field or its file
    /// name answers 400 <c>request.invalid_characters</c> on both engines, and nothing is written.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_nul_character_anywhere_in_api_input_answers_400_and_writes_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var marshall = await app.ClientForAsync("datamarshall.devices-outbound");

        async Task AssertRefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("request.invalid_characters", (await Demo.JsonAsync(response)).GetProperty("code").GetString());
        }

        await AssertRefusedAsync(await marshall.GetAsync("/api/v1/outbound/bases?operation=devices%00-outbound"));
        await AssertRefusedAsync(await marshall.PostAsync("/api/v1/outbound/dnc",
            new StringContent("{\"operation\":\"devices-outbound\",\"phone\":\"300\\u00001234567\"}", Encoding.UTF8, "application/json")));

        MultipartFormDataContent Upload(string baseName, string fileName)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("devices-outbound"), "operation" },
                { new StringContent(baseName), "base" },
            };
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("documento;nombre;celular\n80000001;Ana Nul;3002220001\n")), "file", fileName);
            return form;
        }

        await AssertRefusedAsync(await marshall.PostAsync("/api/v1/outbound/bases", Upload("Base\0nul", "nul.csv")));
        // HttpClient will not put a NUL in a header; a hand-written body will.
        var raw = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"operation\"\r\n\r\ndevices-outbound\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"base\"\r\n\r\nBase nul\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nul\0.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "documento;nombre;celular\n80000001;Ana Nul;3002220001\n\r\n--b--\r\n"));
        raw.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        await AssertRefusedAsync(await marshall.PostAsync("/api/v1/outbound/bases", raw));

        // The same upload without the NUL goes through: the refusal is the character's, not the upload's.
        Assert.Equal(HttpStatusCode.OK, (await marshall.PostAsync("/api/v1/outbound/bases", Upload("Base sin nul", "nul.csv"))).StatusCode);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["Base sin nul"], await db.LeadBases.IgnoreQueryFilters().Where(b => b.Name.Contains("nul")).Select(b => b.Name).ToListAsync());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pages_and_the_api_carry_a_content_security_policy_nosniff_and_a_referrer_policy(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var page = await app.CreateClient().GetAsync("/login");
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self' ws://localhost wss://localhost", "frame-ancestors 'none'", "object-src 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        // Scripts from this site only; the one inline script (Blazor's import map) carries this response's nonce.
        var nonce = Regex.Match(csp, "script-src 'self' 'nonce-([^']+)';").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(nonce));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Matches($"<script[^>]*type=\"importmap\"[^>]*nonce=\"{Regex.Escape(nonce)}\"|<script[^>]*nonce=\"{Regex.Escape(nonce)}\"[^>]*type=\"importmap\"", html);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        foreach (var response in new[] { page, await app.CreateClient().GetAsync("/api/v1/customers?q=x"), await (await app.ClientForAsync("agent.premium-sales")).GetAsync("/api/v1/customers?q=maria") })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Over_https_the_server_sends_hsts_and_secure_cookies_and_over_http_neither(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var https = await LoginAsync(NoRedirects(app, "https://contactops.example"), "/");
        Assert.Contains("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("secure", https.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        var http = await LoginAsync(NoRedirects(app, "http://contactops.example"), "/");
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", http.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("contactops.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Metrics_answer_only_a_signed_in_leader_or_admin(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("agent.premium-sales")).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("supervisor.premium-sales")).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("admin")).GetAsync("/metrics")).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using ContactOps.Modules.Demo;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Ui;

/// <summary>
/// The server-rendered (prerendered) pages, signed in with the cookie as a person would: Spanish by default,
/// English after the language switch, navigation by role, search, the 360° page and the audit browser.
/// </summary>
public partial class UiPageTests
{
    private const string FirstCoCustomer = "María Fernanda Rodríguez Peña";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Home_shows_the_users_operations_and_navigation_by_role(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var agent = await PageAsync(await SignInAsync(app, "agent.premium-sales"), "/");
        Assert.Contains("Mis operaciones", agent);
        Assert.Contains("Asesor", agent); // the role in Spanish
        Assert.Contains("id=\"nav-customers\"", agent);
        Assert.DoesNotContain("id=\"nav-audit\"", agent);
        Assert.DoesNotContain("/admin/users", agent);
        Assert.Contains("id=\"sign-out\"", agent);
        Assert.Matches("name=\"__RequestVerificationToken\"", agent); // the sign-out form posts with antiforgery
        Assert.Contains("id=\"lang-en\"", agent);
        Assert.Contains("redirectUri=%2F", agent);

        var supervisor = await PageAsync(await SignInAsync(app, "supervisor.telco-co"), "/");
        Assert.Contains("id=\"nav-audit\"", supervisor);
        Assert.Contains("Supervisor", supervisor);
        Assert.DoesNotContain("/admin/users", supervisor);

        var admin = await PageAsync(await SignInAsync(app, "admin"), "/");
        Assert.Contains("Administración", admin);
        foreach (var route in new[] { "/admin/clients", "/admin/operations", "/admin/users", "/admin/api-keys", "/admin/calendars", "/admin/dispositions" })
        {
            Assert.Contains($"href=\"{route}?op=", admin); // every menu link carries the current operation
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Pages_require_sign_in(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/customers");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Search_by_phone_written_with_spaces_and_prefix_finds_the_customer_masked(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await SignInAsync(app, "agent.premium-sales");

        var html = await PageAsync(client, "/customers?q=" + Uri.EscapeDataString("+57 300 123 4567"));
        Assert.Contains("id=\"customer-search\"", html);
        var row = Assert.Single(CustomerRows(html), r => r.Contains(FirstCoCustomer, StringComparison.Ordinal));
        Assert.Contains("Teléfono", row); // matched by
        Assert.DoesNotContain("1020304050", row); // document masked
        Assert.DoesNotContain("3001234567", row.Replace(" ", "", StringComparison.Ordinal)); // phone masked

        var byDocument = await PageAsync(client, "/customers?q=1020304050");
        Assert.Contains(FirstCoCustomer, Assert.Single(CustomerRows(byDocument)));
        Assert.Contains("Documento", Assert.Single(CustomerRows(byDocument)));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_too_short_search_shows_the_spanish_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var html = await PageAsync(await SignInAsync(app, "agent.premium-sales"), "/customers?q=ab");
        Assert.Contains("id=\"search-error\"", html);
        Assert.Contains("Escriba al menos 3 caracteres", html);
        Assert.Empty(CustomerRows(html));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_360_page_shows_the_customer_masked_with_spanish_statuses(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await SignInAsync(app, "agent.premium-sales");
        var search = await PageAsync(client, "/customers?q=1020304050");
        var id = Regex.Match(Assert.Single(CustomerRows(search)), "data-id=\"([0-9a-f-]{36})\"").Groups[1].Value;

        var html = await PageAsync(client, $"/customers/{id}");
        Assert.Matches($"id=\"customer-name\"[^>]*>{Regex.Escape(FirstCoCustomer)}<", html);
        Assert.DoesNotContain("1020304050", html); // not in the header, nor in the history's change lists
        Assert.DoesNotContain("3001234567", html);
        Assert.Contains("id=\"card-history\"", html);

        // An agent verifies what the customer says instead of revealing (personal data by need).
        Assert.DoesNotContain("Mostrar datos completos", html);
        Assert.DoesNotContain("id=\"reveal-personal-data\"", html);
        Assert.Contains("id=\"verify-form\"", html);
        Assert.Contains("id=\"verify-document\"", html);
        Assert.Contains("id=\"verify-phone\"", html);
        Assert.Contains(">Verificar<", html);
        Assert.Contains("Documento (CC)", html);
        Assert.Contains("Cuentas hogar", html);
        Assert.Contains("Líneas móviles", html);
        Assert.Contains("Predios", html);
        // The demo's case of María Fernanda: escalated for the premise-creation study, with its promised answer time.
        Assert.Contains("id=\"interactions-table\"", html);
        Assert.Contains("Escalado, respuesta prometida", html);

        // Every status chip shown is one of the Spanish labels (no raw enum names leak).
        Assert.DoesNotContain(">CancelledOwing<", html);
        Assert.DoesNotContain(">WrittenOff<", html);
        Assert.DoesNotContain(">NotCreated<", html);

        // The back office of the operation may reveal: the button, no verify form.
        var backOffice = await PageAsync(await SignInAsync(app, "backoffice.premium-sales"), $"/customers/{id}");
        Assert.Contains("id=\"reveal-personal-data\"", backOffice);
        Assert.Contains("Mostrar datos completos", backOffice);
        Assert.DoesNotContain("id=\"verify-form\"", backOffice);
        Assert.DoesNotContain("1020304050", backOffice);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_customer_of_another_client_is_not_found(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Guid boliviaCustomer;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            boliviaCustomer = await db.Customers.Where(c => c.DocumentNumber == "4567890").Select(c => c.Id).SingleAsync();
        }

        var coAgent = await PageAsync(await SignInAsync(app, "agent.premium-sales"), $"/customers/{boliviaCustomer}");
        Assert.Contains("id=\"customer-not-found\"", coAgent);
        Assert.Contains("No se encontró el cliente", coAgent);
        Assert.DoesNotContain("id=\"customer-name\"", coAgent);

        // A platform admin sees every client: the same page shows the customer.
        var admin = await PageAsync(await SignInAsync(app, "admin"), $"/customers/{boliviaCustomer}");
        Assert.Contains("id=\"customer-name\"", admin);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_audit_browser_is_for_leaders_only(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var agent = await PageAsync(await SignInAsync(app, "agent.premium-sales"), "/audit");
        Assert.Contains("id=\"page-forbidden\"", agent);
        Assert.Contains("Su rol en Ventas Premium (entrante) (Asesor) no usa esta página.", agent);
        Assert.DoesNotContain("id=\"audit-table\"", agent);

        var admin = await PageAsync(await SignInAsync(app, "admin"), "/audit?entity=Client");
        Assert.Contains("id=\"audit-table\"", admin);
        Assert.DoesNotContain("id=\"page-forbidden\"", admin);
        var count = Regex.Match(admin, "id=\"audit-count\"[^>]*>(\\d+) registro").Groups[1].Value;
        Assert.True(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) > 0, "the seeded clients were audited when created");
        Assert.Contains("Creación", admin); // the action in Spanish
        Assert.Contains("→", admin); // changes shown as before → after

        // The audit of a customer lists its fields, with the document and phones masked.
        var search = await PageAsync(await SignInAsync(app, "admin"), "/customers?q=1020304050");
        var id = Regex.Match(Assert.Single(CustomerRows(search)), "data-id=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var customerAudit = await PageAsync(await SignInAsync(app, "admin"), $"/audit?entity=Customer&entityId={id}");
        Assert.Contains("Número de documento", customerAudit); // the field by its label (AuditChanges), not "DocumentNumber"
        Assert.Contains("******4050", customerAudit);
        Assert.DoesNotContain("1020304050", customerAudit);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_language_switch_turns_the_ui_into_english_and_back(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await SignInAsync(app, "supervisor.telco-co");
        Assert.Contains("Buscar clientes", await PageAsync(client, "/customers"));

        var set = await client.GetAsync("/culture/set?culture=en&redirectUri=" + Uri.EscapeDataString("/customers"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/customers", set.Headers.Location!.OriginalString);

        var english = await PageAsync(client, "/customers?q=ab");
        Assert.Contains("Search customers", english);
        Assert.Contains("Type at least 3 characters", english);
        Assert.Contains("<html lang=\"en\"", english);
        var home = await PageAsync(client, "/");
        Assert.Contains("My operations", home);
        Assert.Contains("Sign out", home);

        await client.GetAsync("/culture/set?culture=es-CO&redirectUri=/");
        Assert.Contains("Mis operaciones", await PageAsync(client, "/"));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_unknown_address_renders_the_spanish_not_found_page(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await SignInAsync(app, "agent.premium-sales");
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Página no encontrada", html);

        var api = await client.GetAsync("/api/v1/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("Página no encontrada", await api.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in through the sign-in form, keeping the auth cookie in the returned client.</summary>
    internal static async Task<HttpClient> SignInAsync(TestApp app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = DemoSeeder.DemoPassword,
            ["returnUrl"] = "/",
        });
        var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>GETs a page (200 expected) and returns its HTML with entities decoded.</summary>
    internal static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return WebUtility.HtmlDecode(body);
    }

    private static List<string> CustomerRows(string html) =>
        RowRegex().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex("<tr class=\"customer-row\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}

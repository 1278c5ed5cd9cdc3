using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactOps.Tests.Infrastructure;

namespace ContactOps.Tests.Admin;

public partial class AdminPagesTests
{
    private static readonly string[] Pages = [ "/admin/clients", "/admin/operations", "/admin/users", "/admin/api-keys", "/admin/calendars", "/admin/dispositions", "/admin/teams"];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Admin_pages_render_for_an_admin_and_refuse_an_agent_in_spanish(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var admin = await SignInAsync(app, "admin.premium-sales");
        foreach (var page in Pages)
        {
            var html = await admin.GetStringAsync(page);
            Assert.DoesNotContain("No tiene permiso para administrar", html, StringComparison.Ordinal);
        }

        var users = await admin.GetStringAsync("/admin/users");
        Assert.Contains("agent.premium-sales", users, StringComparison.Ordinal);
        Assert.DoesNotContain("agent.digital-sales", users, StringComparison.Ordinal);
        var calendars = await admin.GetStringAsync("/admin/calendars");
        Assert.Contains("America/Bogota", calendars, StringComparison.Ordinal);
        Assert.Contains("Por ley", calendars, StringComparison.Ordinal);

        // The operation's personal-data setting is shown with the operation (issue 13, personal data by need).
        var operations = await admin.GetStringAsync("/admin/operations");
        Assert.Contains("Ven datos personales completos", operations, StringComparison.Ordinal);
        Assert.Contains("Back office, Supervisor, Coordinador, Gerente, Administrador", operations, StringComparison.Ordinal);

        var agent = await SignInAsync(app, "agent.premium-sales");
        foreach (var page in Pages)
        {
            var html = await agent.GetStringAsync(page);
            Assert.Contains("No tiene permiso para administrar", html, StringComparison.Ordinal);
            Assert.DoesNotContain("agent.premium-sales", html, StringComparison.Ordinal);
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Fact]
    public void Every_admin_string_exists_in_spanish_and_english()
    {
        // The admin screens live in the module they administer: clients, operations, teams, dispositions and calendars
        // in Organization; users and API keys in Administration.
        foreach (var (text, module, enums) in new (string, string, IEnumerable<string>)[]
        {
            ("OrganizationText", "Organization", Enum.GetNames<Modules.Organization.OperationKind>().Select(k => "Kind_" + k)
                .Concat(Enum.GetNames<Modules.Organization.DispositionFlags>().Where(f => f != "None").Select(k => "Flag_" + k))
                .Concat(Enum.GetNames<global::ContactOps.Platform.Calendar.HolidaySource>().Select(k => "Source_" + k))),
            ("AdministrationText", "Administration", Enum.GetNames<global::ContactOps.Platform.Auth.Role>().Select(k => "Role_" + k)),
        })
        {
            var es = TextResources.Keys(text);
            var en = TextResources.Keys(text, english: true);
            Assert.Equal(es.Order(StringComparer.Ordinal), en.Order(StringComparer.Ordinal));

            var used = TextResources.Razor(Path.Combine("Modules", module, "Pages"))
                .Where(f => !f.EndsWith("AuditBrowser.razor", StringComparison.Ordinal))
                .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value))
                .Concat(enums)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(used.Except(es));
        }
    }

    private static async Task<HttpClient> SignInAsync(TestApp app, string userName)
    {
        var client = app.CreateClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = Modules.Demo.DemoSeeder.DemoPassword,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/login", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return client;
    }

    [GeneratedRegex("""L\["([A-Za-z_]+)"\]|Report\([a-z]+, "([A-Za-z_]+)"|"(Saved|Created|Removed|Users_[A-Za-z]+|ApiKeys_[A-Za-z]+)"\)""")]
    private static partial Regex LocalizerKey();
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContactOps.Tests.Files;
using ContactOps.Tests.Infrastructure;
using ContactOps.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Outbound.Leads;

public partial class LeadBasesPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bases_page_lists_the_operations_bases_for_its_data_marshall_and_nothing_for_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var file = temp.WriteText("base-pagina.csv", "documento;nombre;telefono\n70111222;Ana;3001234567\n70111223;Luis;99\n", Encoding.UTF8);
        Assert.Equal(0, (await LeadImportTests.RunAsync(app, "import", "leads", "--operation", "devices-outbound", "--file", file)).Exit);

        var marshall = await SignInAsync(app, "datamarshall.devices-outbound");
        var html = await marshall.GetStringAsync("/outbound/bases");
        Assert.Contains("Bases de leads", html, StringComparison.Ordinal);
        Assert.Contains("devices-outbound", html, StringComparison.Ordinal);
        Assert.Contains("base-pagina", html, StringComparison.Ordinal);
        Assert.Contains("Elegir archivo y cargar", html, StringComparison.Ordinal);

        var agent = await SignInAsync(app, "agent.devices-outbound");
        var agentHtml = await agent.GetStringAsync("/outbound/bases");
        Assert.Contains("id=\"page-forbidden\"", agentHtml, StringComparison.Ordinal); // the layout's guard (AppMenu): agents do not load bases
        Assert.DoesNotContain("base-pagina", agentHtml, StringComparison.Ordinal);

        var other = await SignInAsync(app, "datamarshall.premium-sales");
        Assert.DoesNotContain("base-pagina", await other.GetStringAsync("/outbound/bases"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_bases_received_time_is_shown_in_Bogota_time_not_UTC(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var temp = new TempFolder();
        var file = temp.WriteText("base-hora.csv", "documento;nombre;telefono\n70111222;Ana;3001234567\n", Encoding.UTF8);
        Assert.Equal(0, (await LeadImportTests.RunAsync(app, "import", "leads", "--operation", "devices-outbound", "--file", file)).Exit);

        // The case: received 22:33 UTC, that is 5:33 p. m. in Bogotá (UTC−5); the page showed 10:33 p. m.
        var received = new DateTimeOffset(2026, 12, 7, 22, 33, 0, TimeSpan.Zero);
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.LeadBases.Where(b => b.Name.Contains("base-hora") || b.FileName.Contains("base-hora")).ExecuteUpdateAsync(u => u.SetProperty(b => b.ReceivedAt, received)));
        }

        var es = CultureInfo.GetCultureInfo("es-CO");
        var expected = TimeZoneInfo.ConvertTime(received, TimeZoneInfo.FindSystemTimeZoneById("America/Bogota")).ToString("dd/MM/yyyy h:mm tt", es);
        var html = WebUtility.HtmlDecode(await (await SignInAsync(app, "datamarshall.devices-outbound")).GetStringAsync("/outbound/bases"));
        var row = RowPattern().Matches(html).Select(m => m.Value).Single(r => r.Contains("base-hora", StringComparison.Ordinal));
        Assert.Contains(expected, row, StringComparison.Ordinal);
        Assert.StartsWith("07/12/2026 5:33 p", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("10:33", row, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-12-07T22:33:00Z\"", row, StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    private static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(login);
        var fields = new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = Modules.Demo.DemoSeeder.DemoPassword,
            ["returnUrl"] = "/",
        };
        if (token.Success)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

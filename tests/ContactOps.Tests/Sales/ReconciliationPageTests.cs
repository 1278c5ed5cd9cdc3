using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactOps.Tests.Sales;

/// <summary>The /sales/reconciliation page (prerendered): Spanish, lists the operation's cuts, offers nothing to an agent, hides other clients' cuts.</summary>
public partial class ReconciliationPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Page_lists_the_cuts_of_the_back_office_users_operation_and_nothing_to_others(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = SalesSheetFixture.Dir();
        await SalesSheetFixture.SeedOursAsync(app, dir);
        var file = Path.Combine(dir, "hoja-operador-noviembre.csv");
        await File.WriteAllTextAsync(file, "cuenta;codigo_tarifa;fecha_venta\n8001;TV-HD;2026-11-02\n", new UTF8Encoding(true));
        Assert.Equal(0, (await SalesSheetFixture.RunAsync(app, "reconcile", "sales", "--operation", SalesSheetFixture.Operation, "--carrier-file", file)).Exit);

        var backOffice = await SignInAsync(app, "backoffice.premium-sales");
        var html = WebUtility.HtmlDecode(await backOffice.GetStringAsync("/sales/reconciliation"));
        Assert.Contains("Conciliación con el operador", html, StringComparison.Ordinal);
        Assert.Contains("hoja-operador-noviembre.csv", html, StringComparison.Ordinal);
        Assert.Contains("Conciliar hoja del operador", html, StringComparison.Ordinal);

        var agent = await SignInAsync(app, "agent.premium-sales");
        var refused = WebUtility.HtmlDecode(await agent.GetStringAsync("/sales/reconciliation"));
        Assert.Contains("id=\"page-forbidden\"", refused, StringComparison.Ordinal); // the layout's guard (AppMenu): agents do not reconcile
        Assert.DoesNotContain("hoja-operador-noviembre.csv", refused, StringComparison.Ordinal);

        var otherClient = await SignInAsync(app, "admin.digital-sales");
        Assert.DoesNotContain("hoja-operador-noviembre.csv", await otherClient.GetStringAsync("/sales/reconciliation"), StringComparison.Ordinal);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(login);
        var fields = new Dictionary<string, string> { ["userName"] = user, ["password"] = Modules.Demo.DemoSeeder.DemoPassword, ["returnUrl"] = "/" };
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

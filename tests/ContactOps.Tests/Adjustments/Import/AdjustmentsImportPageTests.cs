using System.Net;
using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactOps.Tests.Adjustments.Import;

public partial class AdjustmentsImportPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_import_page_offers_the_upload_and_the_previous_cuts_to_the_back_office_and_nothing_to_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bo = await SignInAsync(app, AdjustmentsImportKit.BackOffice);
        var html = await bo.GetStringAsync("/adjustments/import");
        Assert.Contains("Base de ajustes del operador", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"adj-import-file\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"adj-import-cutoff\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"adj-import-submit\"", html, StringComparison.Ordinal);
        Assert.Contains("nav-adjustments-import", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "data-testid=\"adj-cut-row\"")); // the demo's four weekly cuts

        var agent = await SignInAsync(app, "agent.adjustments-cell");
        var agentHtml = await agent.GetStringAsync("/adjustments/import");
        Assert.Contains("id=\"page-forbidden\"", agentHtml, StringComparison.Ordinal); // the layout's guard (AppMenu): agents do not load files here
        Assert.DoesNotContain("data-testid=\"adj-import-file\"", agentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-adjustments-import", agentHtml, StringComparison.Ordinal);

        var en = await SignInAsync(app, AdjustmentsImportKit.BackOffice);
        await en.GetAsync("/culture/set?culture=en&redirectUri=/");
        Assert.Contains("Carrier&#x27;s adjustments base", await en.GetStringAsync("/adjustments/import"), StringComparison.Ordinal);
    }

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

using System.Net;
using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactOps.Tests.Customers.Import;

public partial class ImportCustomersPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Import_page_renders_in_spanish_for_a_data_marshall_and_offers_nothing_to_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var marshall = await SignInAsync(app, "datamarshall.premium-sales");
        var html = await marshall.GetStringAsync("/customers/import");
        Assert.Contains("Importar clientes", html, StringComparison.Ordinal);
        Assert.Contains("premium-sales", html, StringComparison.Ordinal);
        Assert.Contains("Elegir archivo e importar", html, StringComparison.Ordinal);

        var agent = await SignInAsync(app, "agent.premium-sales");
        var agentHtml = await agent.GetStringAsync("/customers/import");
        Assert.Contains("id=\"page-forbidden\"", agentHtml, StringComparison.Ordinal); // the layout's guard (AppMenu): agents do not load files here
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
        Assert.DoesNotContain("error", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

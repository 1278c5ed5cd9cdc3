using System.Net;
using System.Text.RegularExpressions;
using ContactOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactOps.Tests.Outbound.CallLogs;

public partial class CallLogsPageTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Call_logs_page_offers_the_upload_to_a_supervisor_and_nothing_to_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var supervisor = await SignInAsync(app, "supervisor.devices-outbound");
        var html = await supervisor.GetStringAsync("/outbound/call-logs");
        Assert.Contains("Registros de llamadas de otro marcador", html, StringComparison.Ordinal);
        Assert.Contains("devices-outbound", html, StringComparison.Ordinal);
        Assert.Contains("Elegir archivo y cargar", html, StringComparison.Ordinal);
        Assert.Contains("nav-outbound-call-logs", html, StringComparison.Ordinal);

        var agent = await SignInAsync(app, "agent.devices-outbound");
        var agentHtml = await agent.GetStringAsync("/outbound/call-logs");
        Assert.Contains("id=\"page-forbidden\"", agentHtml, StringComparison.Ordinal); // the layout's guard (AppMenu): agents do not load files here
        Assert.DoesNotContain("Elegir archivo y cargar", agentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-outbound-call-logs", agentHtml, StringComparison.Ordinal);
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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Customers;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactOps.Tests.Customers.Api;

/// <summary>
/// Personal data by need (issue 13): the full document and phones only for the roles of the operation's setting (default
/// back office and leaders) and the client's admins; everyone else verifies what the customer says (match / no match),
/// audited without the typed value and limited per user.
/// </summary>
public class PersonalDataByNeedTests
{
    private static Task<HttpResponseMessage> RevealAsync(HttpClient client, Guid id) => client.PostAsync($"/api/v1/customers/{id}/reveal", null);

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, Guid id, string? document = null, string? phone = null) =>
        client.PostAsJsonAsync($"/api/v1/customers/{id}/verify", new { document, phone });

    private static async Task<(bool? Document, bool? Phone)> CheckAsync(HttpClient client, Guid id, string? document = null, string? phone = null)
    {
        var response = await VerifyAsync(client, id, document, phone);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var json = await Demo.JsonAsync(response);
        static bool? Read(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetBoolean();
        return (Read(json.GetProperty("document")), Read(json.GetProperty("phone")));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await Demo.JsonAsync(response)).GetProperty("code").GetString());
    }

    private static async Task<List<AuditEntry>> EntriesAsync(TestApp app, AuditAction action, Guid customerId)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = customerId.ToString();
        return await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == action && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<HttpResponseMessage> SetRolesAsync(HttpClient admin, string operation, params string[] roles)
    {
        var list = await Demo.JsonAsync(await admin.GetAsync("/api/v1/operations?pageSize=500"));
        var op = list.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == operation);
        return await admin.PutAsJsonAsync($"/api/v1/operations/{operation}", new
        {
            name = op.GetProperty("name").GetString(),
            kind = op.GetProperty("kind").GetString(),
            defaultAreaCode = op.GetProperty("defaultAreaCode").GetString(),
            fcrWindowDays = op.GetProperty("fcrWindowDays").GetInt32(),
            active = op.GetProperty("isActive").GetBoolean(),
            personalDataRoles = roles,
        });
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_agent_is_refused_the_reveal_and_verifies_instead_audited_without_the_typed_value(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var agent = await app.ClientForAsync("agent.premium-sales");

        var refused = await RevealAsync(agent, id);
        await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        var problem = await Demo.JsonAsync(refused);
        Assert.Contains("Verificar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.CoDocument, problem.GetRawText(), StringComparison.Ordinal);
        await AssertProblemAsync(await RevealAsync(await app.ClientForAsync("datamarshall.premium-sales"), id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        Assert.Empty(await EntriesAsync(app, AuditAction.PersonalDataRead, id));

        // A mobile line that is not among the customer's phones matches too.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clientId = await Demo.ClientIdAsync(app, "telco-co");
            db.MobileLines.Add(new MobileLine(clientId, id, "+573109876543", LinePlan.Postpaid, LineStatus.Active));
            await db.SaveChangesAsync();
        }

        Assert.Equal((true, null), await CheckAsync(agent, id, document: "1.020.304.050"));
        Assert.Equal((null, true), await CheckAsync(agent, id, phone: "+57 300 123 4567"));
        Assert.Equal((null, true), await CheckAsync(agent, id, phone: "(310) 987-6543"));
        Assert.Equal((false, false), await CheckAsync(agent, id, document: "1020304051", phone: "300 123 4568"));
        Assert.Equal((true, false), await CheckAsync(agent, id, document: "1020304050", phone: "601 234 5678"));

        var entries = await EntriesAsync(app, AuditAction.PersonalDataVerified, id);
        Assert.Equal(5, entries.Count);
        var agentId = await UserIdAsync(app, "agent.premium-sales");
        Assert.All(entries, e =>
        {
            Assert.Equal(agentId, e.UserId);
            Assert.Equal("Customer", e.Entity);
            foreach (var typed in new[] { "1020304050", "1.020.304.050", "1020304051", "3001234567", "300 123", "3109876543", "987-6543", "3001234568", "6012345678", "234 5678" })
            {
                Assert.DoesNotContain(typed, e.Changes ?? "", StringComparison.Ordinal);
            }
        });
        Assert.Equal("""{"documentMatches":true}""", entries[0].Changes);
        Assert.Equal("""{"phoneMatches":true}""", entries[1].Changes);
        Assert.Equal("""{"documentMatches":false,"phoneMatches":false}""", entries[3].Changes);
        Assert.Equal("""{"documentMatches":true,"phoneMatches":false}""", entries[4].Changes);

        // The 360° history lists the verifications without their details.
        var view = await Demo.JsonAsync(await agent.GetAsync($"/api/v1/customers/{id}"));
        var verified = view.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "PersonalDataVerified").ToList();
        Assert.Equal(5, verified.Count);
        Assert.All(verified, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("changes").ValueKind));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Back_office_leaders_and_the_clients_admins_reveal_by_default(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        foreach (var user in new[] { "backoffice.premium-sales", "supervisor.premium-sales", "coordinator.sales-cell", "manager.devices-outbound", "admin.adjustments-cell", "admin" })
        {
            var response = await RevealAsync(await app.ClientForAsync(user), id);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {(int)response.StatusCode}");
            Assert.Contains("1020304050", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(6, (await EntriesAsync(app, AuditAction.PersonalDataRead, id)).Count);

        // Quality analysts verify by default (they judge the agent's validation, not the number).
        await AssertProblemAsync(await RevealAsync(await app.ClientForAsync("qualityanalyst.premium-sales"), id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");

        // A client admin reads customers through a membership like anyone else; with one (even as an agent) they may reveal.
        var clientAdmin = await app.ClientForAsync("admin.telco-co");
        await AssertProblemAsync(await RevealAsync(clientAdmin, id), HttpStatusCode.NotFound, "customer.not_found");
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var op = await db.Operations.IgnoreQueryFilters().SingleAsync(o => o.Code == "premium-sales");
            db.Memberships.Add(new Membership(await UserIdAsync(app, "admin.telco-co"), op.ClientId, op.Id, Role.Agent));
            await db.SaveChangesAsync();
        }

        clientAdmin = await app.ClientForAsync("admin.telco-co");
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(clientAdmin, id)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_operations_setting_decides_who_reveals(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var clientAdmin = await app.ClientForAsync("admin.telco-co");
        var agent = await app.ClientForAsync("agent.premium-sales");
        var backOffice = await app.ClientForAsync("backoffice.premium-sales");
        var supervisor = await app.ClientForAsync("supervisor.premium-sales");
        var multiSupervisor = await app.ClientForAsync("supervisor.telco-co");
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(backOffice, id)).StatusCode);

        // Agents in, back office and supervisors out, in premium-sales only.
        var updated = await SetRolesAsync(clientAdmin, "premium-sales", "Agent", "coordinator", "Manager", "Admin");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["Agent", "Coordinator", "Manager", "Admin"],
            (await Demo.JsonAsync(updated)).GetProperty("personalDataRoles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(agent, id)).StatusCode);
        await AssertProblemAsync(await RevealAsync(backOffice, id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        await AssertProblemAsync(await RevealAsync(supervisor, id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        await AssertProblemAsync(await RevealAsync(await app.ClientForAsync("agent.sales-cell"), id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");

        // A supervisor of every Colombian operation still may: the other operations keep the default.
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(multiSupervisor, id)).StatusCode);

        // The change is audited as a change of the operation, and an update without the field keeps it.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var opId = (await db.Operations.IgnoreQueryFilters().SingleAsync(o => o.Code == "premium-sales")).Id.ToString();
            var change = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Entity == "Operation" && e.EntityId == opId && e.Action == AuditAction.Updated).OrderBy(e => e.Id).LastAsync();
            using var changes = JsonDocument.Parse(change.Changes!);
            var roles = changes.RootElement.GetProperty("PersonalDataRoles");
            Assert.Equal(Modules.Organization.Operation.DefaultPersonalDataRoles, roles[0].GetString());
            Assert.Equal("Agent,Coordinator,Manager,Admin", roles[1].GetString());
        }

        var list = await Demo.JsonAsync(await clientAdmin.GetAsync("/api/v1/operations?client=telco-co&pageSize=500"));
        var premium = list.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "premium-sales");
        var keep = await clientAdmin.PutAsJsonAsync("/api/v1/operations/premium-sales", new
        {
            name = "Ventas premium",
            kind = premium.GetProperty("kind").GetString(),
            fcrWindowDays = 5,
        });
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        Assert.Equal(4, (await Demo.JsonAsync(keep)).GetProperty("personalDataRoles").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(agent, id)).StatusCode);

        // No role but the client's admins; a role that does not exist is a field error.
        Assert.Equal(HttpStatusCode.OK, (await SetRolesAsync(clientAdmin, "premium-sales")).StatusCode);
        await AssertProblemAsync(await RevealAsync(agent, id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        var bad = await SetRolesAsync(clientAdmin, "premium-sales", "Agent", "Jefe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Jefe", (await Demo.JsonAsync(bad)).GetProperty("errors").GetProperty("personalDataRoles")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SetRolesAsync(clientAdmin, "premium-sales", "1")).StatusCode);

        // Only who administers the operation changes it.
        var notAdmin = await supervisor.PutAsJsonAsync("/api/v1/operations/premium-sales", new { name = "Ventas premium", kind = "InboundSales", fcrWindowDays = 7, personalDataRoles = new[] { "Supervisor" } });
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        await AssertProblemAsync(await RevealAsync(supervisor, id), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Verify_answers_429_past_ten_a_window_per_user_and_other_users_go_on(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        // The default of ten permits, over a window long enough that a slow machine cannot roll it over mid-test.
        app.Use(new VerifyLimits(Options.Create(new SecurityOptions { VerifyPerUserWindowSeconds = 3600 })));
        Assert.Equal(10, new SecurityOptions().VerifyPerUserPermits);
        Assert.Equal(60, new SecurityOptions().VerifyPerUserWindowSeconds);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var agent = await app.ClientForAsync("agent.premium-sales");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((false, null), await CheckAsync(agent, id, document: (1020304060 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The eleventh, even the right number, is refused; and a bad one counts too (it is refused before it is read).
        var refused = await VerifyAsync(agent, id, document: Demo.CoDocument);
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "customer.verify_too_many");
        Assert.StartsWith("Demasiadas verificaciones", (await Demo.JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await VerifyAsync(agent, id, phone: "300 123 4567"), HttpStatusCode.TooManyRequests, "customer.verify_too_many");
        Assert.Equal(10, (await EntriesAsync(app, AuditAction.PersonalDataVerified, id)).Count);

        // Another agent is not affected.
        Assert.Equal((true, null), await CheckAsync(await app.ClientForAsync("agent.sales-cell"), id, document: Demo.CoDocument));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Verify_refuses_empty_and_unreadable_input_with_a_code_and_logs_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var agent = await app.ClientForAsync("agent.premium-sales");

        await AssertProblemAsync(await VerifyAsync(agent, id), HttpStatusCode.BadRequest, "customer.verify_empty");
        await AssertProblemAsync(await VerifyAsync(agent, id, document: "   ", phone: ""), HttpStatusCode.BadRequest, "customer.verify_empty");
        var empty = await Demo.JsonAsync(await VerifyAsync(agent, id));
        Assert.Contains("documento o el teléfono", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var document = await VerifyAsync(agent, id, document: "CC-ABC");
        await AssertProblemAsync(document, HttpStatusCode.BadRequest, "customer.verify_invalid_document");
        Assert.True((await Demo.JsonAsync(document)).GetProperty("errors").TryGetProperty("document", out _));
        var phone = await VerifyAsync(agent, id, phone: "12");
        await AssertProblemAsync(phone, HttpStatusCode.BadRequest, "customer.verify_invalid_phone");
        Assert.True((await Demo.JsonAsync(phone)).GetProperty("errors").TryGetProperty("phone", out _));
        await AssertProblemAsync(await VerifyAsync(agent, id, phone: "+591 7123 4567"), HttpStatusCode.BadRequest, "customer.verify_invalid_phone");

        using var malformed = new StringContent("{\"document\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsync($"/api/v1/customers/{id}/verify", malformed)).StatusCode);

        // An English caller reads English, with the same code.
        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/verify") { Content = JsonContent.Create(new { document = "" }) };
        english.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString("c=en|uic=en"));
        var inEnglish = await agent.SendAsync(english);
        await AssertProblemAsync(inEnglish, HttpStatusCode.BadRequest, "customer.verify_empty");
        Assert.Contains("Type the document or the phone", (await Demo.JsonAsync(inEnglish)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Empty(await EntriesAsync(app, AuditAction.PersonalDataVerified, id));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Another_clients_customer_is_not_found_for_verify_too_and_bolivian_data_verifies_in_its_formats(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var coId = await Demo.CustomerIdAsync(app, Demo.CoDocument);
        var boId = await Demo.CustomerIdAsync(app, Demo.BoDocument);
        var boAgent = await app.ClientForAsync("agent.digital-sales");

        var foreign = await VerifyAsync(boAgent, coId, document: Demo.CoDocument, phone: "3001234567");
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound, "customer.not_found");
        Assert.DoesNotContain("Rodríguez", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemAsync(await RevealAsync(boAgent, coId), HttpStatusCode.NotFound, "customer.not_found");
        Assert.Empty(await EntriesAsync(app, AuditAction.PersonalDataVerified, coId));

        Assert.Equal((true, true), await CheckAsync(boAgent, boId, document: "4567890 LP", phone: "7123 4567"));
        Assert.Equal((true, true), await CheckAsync(boAgent, boId, document: "4567890", phone: "+591 71234567"));
        Assert.Equal((false, null), await CheckAsync(boAgent, boId, document: "4567890 SC"));
        Assert.Equal((false, null), await CheckAsync(boAgent, boId, document: "4567890-1A LP"));
        await AssertProblemAsync(await RevealAsync(boAgent, boId), HttpStatusCode.Forbidden, "customer.reveal_not_allowed");
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(await app.ClientForAsync("backoffice.digital-sales"), boId)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task<Guid> UserIdAsync(TestApp app, string userName)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}

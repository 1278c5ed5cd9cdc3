using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactOps.Components.Layout;
using ContactOps.Components.Shared;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Ui;

/// <summary>
/// Issue 14: the current operation (address, then stored on the user, then the first; a foreign one refused plainly), the menu
/// by role × operation kind (<see cref="AppMenu"/>), the layout's guard of pages reached by address, and the audit browser
/// limited to the operations the caller leads.
/// </summary>
public partial class OperationAndMenuTests
{
    // ---- The rule, without a host -------------------------------------------------------------------------------------------

    private static readonly OperationChoice Premium = new(Guid.NewGuid(), "premium-sales", "Ventas Premium", Guid.NewGuid(), "Telco", "America/Bogota", OperationKind.InboundSales, Role.Supervisor);

    private static readonly OperationChoice Devices = Premium with { OperationId = Guid.NewGuid(), OperationCode = "devices-outbound", OperationName = "Terminales", Kind = OperationKind.Outbound };

    [Fact]
    public void The_address_wins_then_the_stored_operation_then_the_first()
    {
        OperationChoice[] mine = [Premium, Devices];
        Assert.Equal((Devices, false), CurrentOperation.Resolve(mine, "devices-outbound", Premium.OperationId));
        Assert.Equal((Devices, false), CurrentOperation.Resolve(mine, "DEVICES-OUTBOUND", null));
        Assert.Equal((Devices, false), CurrentOperation.Resolve(mine, Devices.OperationId.ToString(), null));
        Assert.Equal((Devices, false), CurrentOperation.Resolve(mine, null, Devices.OperationId));
        Assert.Equal((Premium, false), CurrentOperation.Resolve(mine, "", Guid.NewGuid())); // a stored operation no longer mine
        Assert.Equal((Devices, true), CurrentOperation.Resolve(mine, "digital-sales", Devices.OperationId));
        Assert.Equal((Premium, true), CurrentOperation.Resolve(mine, "no-such", null));
        Assert.Equal(((OperationChoice?)null, true), CurrentOperation.Resolve([], "premium-sales", null));
        Assert.Equal("devices-outbound", CurrentOperation.RequestedIn("http://localhost/sales?x=1&op=devices-outbound#top"));
        Assert.Null(CurrentOperation.RequestedIn("/sales?operation=premium-sales"));
    }

    [Theory]
    [InlineData(Role.BackOffice, OperationKind.Adjustments, "nav-adjustments", true)]
    [InlineData(Role.BackOffice, OperationKind.Adjustments, "nav-legalization", false)]
    [InlineData(Role.BackOffice, OperationKind.Adjustments, "nav-sales-reconciliation", false)]
    [InlineData(Role.BackOffice, OperationKind.SalesCell, "nav-legalization", true)]
    [InlineData(Role.BackOffice, OperationKind.SalesCell, "nav-sales-reconciliation", true)]
    [InlineData(Role.Agent, OperationKind.Outbound, "nav-inbound", false)]
    [InlineData(Role.Agent, OperationKind.Outbound, "nav-outbound-desk", true)]
    [InlineData(Role.Agent, OperationKind.InboundSales, "nav-inbound", true)]
    [InlineData(Role.Agent, OperationKind.InboundSales, "nav-outbound-desk", false)]
    [InlineData(Role.Agent, OperationKind.InboundSales, "nav-my-coaching", true)]
    [InlineData(Role.Agent, OperationKind.Adjustments, "nav-my-coaching", true)]
    [InlineData(Role.Agent, OperationKind.Outbound, "nav-my-coaching", false)]
    [InlineData(Role.Agent, OperationKind.DigitalSales, "nav-my-coaching", false)]
    [InlineData(Role.Agent, OperationKind.SalesCell, "nav-my-coaching", false)]
    [InlineData(Role.Supervisor, OperationKind.InboundSales, "nav-my-coaching", false)]
    [InlineData(Role.Supervisor, OperationKind.Outbound, "nav-inbound", false)]
    [InlineData(Role.Supervisor, OperationKind.Outbound, "nav-audit", true)]
    [InlineData(Role.BackOffice, OperationKind.Outbound, "nav-audit", false)]
    [InlineData(Role.QualityAnalyst, OperationKind.Adjustments, "nav-adjustments-kpis", true)]
    [InlineData(Role.QualityAnalyst, OperationKind.Adjustments, "nav-adjustments-import", false)]
    public void The_menu_table_decides_by_role_and_kind(Role role, OperationKind kind, string id, bool shown)
    {
        var entry = AppMenu.Entries.Single(e => e.Id == id);
        Assert.Equal(shown, AppMenu.Shows(entry, new MenuContext(role, kind, "op", false, false)));
    }

    [Fact]
    public void A_page_belongs_to_the_longest_entry_address_and_read_only_views_open_without_a_menu_entry()
    {
        Assert.Equal("nav-sales", AppMenu.EntryFor("/sales/0190aaaa-0000-7000-8000-000000000001?op=x")!.Id);
        Assert.Equal("nav-legalization", AppMenu.EntryFor("/sales/legalization")!.Id);
        Assert.Equal("nav-adjustments-kpis", AppMenu.EntryFor("/adjustments/kpis/records")!.Id);
        Assert.Equal("nav-backoffice", AppMenu.EntryFor("/backoffice")!.Id);
        Assert.Equal("nav-devices-backoffice", AppMenu.EntryFor("/backoffice/devices")!.Id);
        Assert.Equal("nav-home", AppMenu.EntryFor("/?op=premium-sales")!.Id);
        Assert.Null(AppMenu.EntryFor("/no-such-page"));

        var agent = new MenuContext(Role.Agent, OperationKind.Outbound, "Terminales", false, false);
        Assert.False(AppMenu.Shows(AppMenu.EntryFor("/outbound/campaign")!, agent));
        Assert.Equal(PageRefusal.Allowed, AppMenu.Check("/outbound/campaign", agent).Refusal); // the agent reads the contact windows
        Assert.Equal(PageRefusal.Kind, AppMenu.Check("/inbound", agent).Refusal);
        Assert.Equal(PageRefusal.Role, AppMenu.Check("/outbound/floor", agent).Refusal);
        Assert.Equal(PageRefusal.NotAdmin, AppMenu.Check("/admin/users", agent).Refusal);

        var clientAdmin = new MenuContext(null, null, null, true, true); // admin.telco-co: no membership, a whole client
        Assert.Equal(PageRefusal.Allowed, AppMenu.Check("/audit", clientAdmin).Refusal);
        Assert.Equal(PageRefusal.Allowed, AppMenu.Check("/admin/users", clientAdmin).Refusal);
        Assert.Equal(PageRefusal.NoOperation, AppMenu.Check("/sales", clientAdmin).Refusal);
    }

    // ---- On the real product, both engines ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_operation_comes_from_the_address_then_the_user_then_the_first_and_a_foreign_one_is_refused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await UiPageTests.SignInAsync(app, "supervisor.telco-co");

        var first = await UiPageTests.PageAsync(client, "/");
        Assert.Equal("Célula de ajustes", CurrentRow(first));
        Assert.Equal("adjustments-cell", await StoredAsync(app, "supervisor.telco-co")); // the first, stored

        var linked = await UiPageTests.PageAsync(client, "/?op=devices-outbound");
        Assert.Equal("Terminales y tecnología (saliente)", CurrentRow(linked));
        Assert.Contains("href=\"/outbound/wallboard?op=devices-outbound\"", linked); // the menu of the outbound kind, carrying it
        Assert.Contains("redirectUri=%2F%3Fop%3Ddevices-outbound", linked); // the language switch comes back to it
        Assert.Equal("devices-outbound", await StoredAsync(app, "supervisor.telco-co"));

        // A reload without the parameter, or a new tab: the stored one.
        Assert.Equal("Terminales y tecnología (saliente)", CurrentRow(await UiPageTests.PageAsync(client, "/")));
        Assert.DoesNotContain("id=\"op-refused\"", linked);

        // Another client's operation, or none at all: the stored one, said plainly, the same way, nothing of the named one.
        foreach (var foreign in new[] { "digital-sales", "no-such-operation", Guid.NewGuid().ToString() })
        {
            var refused = await UiPageTests.PageAsync(client, "/outbound/wallboard?op=" + foreign);
            Assert.Contains("El enlace indicaba una operación en la que usted no trabaja; se muestra su operación Telco Colombia · Terminales y tecnología (saliente).", refused);
            Assert.DoesNotContain("Ventas digitales", refused);
            Assert.DoesNotContain("Telco Bolivia", refused);
            Assert.Contains("Tablero en vivo", refused); // the page, in the user's own operation
            Assert.DoesNotContain("id=\"page-forbidden\"", refused);
        }

        Assert.Equal("devices-outbound", await StoredAsync(app, "supervisor.telco-co")); // a refused address changes nothing

        await client.GetAsync("/culture/set?culture=en&redirectUri=" + Uri.EscapeDataString("/?op=digital-sales"));
        var english = await UiPageTests.PageAsync(client, "/?op=digital-sales");
        Assert.Contains("The link named an operation you do not work in; showing your operation Telco Colombia · Terminales y tecnología (saliente) instead.", english);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_kind_of_demo_user_gets_the_menu_of_their_role_in_their_kind_of_operation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        (string User, string[] Shown, string[] Hidden)[] expected =
        [
            ("backoffice.adjustments-cell", ["nav-adjustments", "nav-adjustments-import", "nav-customers"], ["nav-legalization", "nav-sales-reconciliation", "nav-sales", "nav-backoffice", "nav-escalations", "nav-my-coaching", "nav-audit", "nav-admin"]),
            ("agent.adjustments-cell", ["nav-my-coaching", "nav-customers"], ["nav-adjustments", "nav-inbound", "nav-sales", "nav-legalization"]),
            ("supervisor.adjustments-cell", ["nav-adjustments", "nav-adjustments-kpis", "nav-adjustments-coaching", "nav-reports", "nav-audit"], ["nav-legalization", "nav-sales", "nav-inbound", "nav-my-coaching", "nav-outbound-floor"]),
            ("agent.devices-outbound", ["nav-outbound-desk", "nav-sales"], ["nav-inbound", "nav-my-coaching", "nav-escalations", "nav-outbound-floor", "nav-outbound-campaign", "nav-audit"]),
            ("supervisor.devices-outbound", ["nav-outbound-floor", "nav-outbound-wallboard", "nav-devices-backoffice", "nav-audit", "nav-legalization"], ["nav-inbound", "nav-escalations", "nav-my-coaching", "nav-outbound-desk", "nav-backoffice"]),
            ("datamarshall.devices-outbound", ["nav-outbound-bases", "nav-outbound-management", "nav-import", "nav-sales-reconciliation"], ["nav-outbound-floor", "nav-audit", "nav-legalization", "nav-reports"]),
            ("agent.premium-sales", ["nav-inbound", "nav-my-coaching", "nav-sales", "nav-sale-flows"], ["nav-outbound-desk", "nav-escalations", "nav-audit", "nav-backoffice", "nav-legalization"]),
            ("backoffice.sales-cell", ["nav-backoffice", "nav-legalization", "nav-sales-reconciliation", "nav-sales"], ["nav-inbound", "nav-adjustments", "nav-devices-backoffice", "nav-my-coaching", "nav-audit"]),
            ("agent.digital-sales", ["nav-inbound", "nav-sales"], ["nav-my-coaching", "nav-outbound-desk", "nav-escalations"]),
            ("admin.adjustments-cell", ["nav-adjustments", "nav-audit", "nav-admin"], ["nav-legalization", "nav-sales", "nav-inbound"]),
            ("admin.telco-co", ["nav-home", "nav-audit", "nav-admin"], ["nav-customers", "nav-sales", "nav-inbound", "nav-adjustments", "nav-reports"]),
            ("admin", ["nav-home", "nav-admin", "nav-audit", "nav-inbound", "nav-sales"], ["nav-adjustments", "nav-outbound-desk", "nav-my-coaching"]), // first: Telco Bolivia · Ventas digitales
        ];
        foreach (var (user, shown, hidden) in expected)
        {
            var html = await UiPageTests.PageAsync(await UiPageTests.SignInAsync(app, user), "/");
            foreach (var id in shown)
            {
                Assert.True(html.Contains($"id=\"{id}\"", StringComparison.Ordinal), $"{user} should see {id}");
            }

            foreach (var id in hidden)
            {
                Assert.False(html.Contains($"id=\"{id}\"", StringComparison.Ordinal), $"{user} should not see {id}");
            }

            // The home page's quick link to the audit follows the same table.
            if (shown.Contains("nav-audit") || hidden.Contains("nav-audit"))
            {
                Assert.Equal(shown.Contains("nav-audit"), html.Contains("Consultar la auditoría", StringComparison.Ordinal));
            }
        }

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_page_outside_the_role_or_the_kind_says_why_and_loads_nothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var backOffice = await UiPageTests.SignInAsync(app, "backoffice.adjustments-cell");
        foreach (var path in new[] { "/sales/legalization", "/sales/reconciliation", "/sales", "/backoffice" })
        {
            var html = await UiPageTests.PageAsync(backOffice, path);
            Assert.Contains("id=\"page-forbidden\"", html);
            Assert.Contains("la operación actual, Célula de ajustes, es de tipo Ajustes. Elija otra operación en el selector de la barra superior.", html);
            Assert.DoesNotContain("legal-", html);
            Assert.DoesNotContain("sale-row", html);
        }

        var agent = await UiPageTests.SignInAsync(app, "agent.devices-outbound");
        var inbound = await UiPageTests.PageAsync(agent, "/inbound");
        Assert.Contains("Esta página es de las operaciones de tipo Ventas entrantes, Ventas digitales", inbound);
        Assert.DoesNotContain("id=\"open-interaction\"", inbound);
        Assert.Contains("Su rol en Terminales y tecnología (saliente) (Asesor) no usa esta página.", await UiPageTests.PageAsync(agent, "/outbound/wallboard"));

        // The same page in a shared link naming an operation where it applies: allowed, in that operation.
        var supervisor = await UiPageTests.SignInAsync(app, "supervisor.telco-co");
        Assert.Contains("id=\"page-forbidden\"", await UiPageTests.PageAsync(supervisor, "/outbound/wallboard"));
        var wallboard = await UiPageTests.PageAsync(supervisor, "/outbound/wallboard?op=devices-outbound");
        Assert.DoesNotContain("id=\"page-forbidden\"", wallboard);
        Assert.Contains("Tablero en vivo", wallboard);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_audit_lists_only_the_operations_the_caller_leads_or_the_clients_they_administer(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Guid devices, premium, co;
        int devicesEntries, clientLevelEntries, coEntries;
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ops = await db.Operations.AsNoTracking().ToListAsync();
            devices = ops.Single(o => o.Code == "devices-outbound").Id;
            premium = ops.Single(o => o.Code == "premium-sales").Id;
            co = ops.Single(o => o.Code == "devices-outbound").ClientId;
            devicesEntries = await db.AuditEntries.CountAsync(e => e.OperationId == devices);
            clientLevelEntries = await db.AuditEntries.CountAsync(e => e.ClientId == co && e.OperationId == null);
            coEntries = await db.AuditEntries.CountAsync(e => e.ClientId == co);
            Assert.True(await db.AuditEntries.CountAsync(e => e.OperationId == premium) > 0, "the demo audited premium-sales' records");
            Assert.True(clientLevelEntries > 0, "the demo audited records of the client outside any operation (customers, calendar…)");
            Assert.True(coEntries > devicesEntries + clientLevelEntries, "the client's other operations have entries of their own");
        }

        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");
        var own = await AuditAsync(supervisor, "");
        Assert.Equal(devicesEntries + clientLevelEntries, own.Total); // its operation's, and the client's shared records (customers…)
        Assert.All(own.Operations, o => Assert.True(o is null || o == devices, $"an entry of operation {o}"));
        Assert.Equal(devicesEntries, (await AuditAsync(supervisor, "&operationId=" + devices)).Total);
        Assert.Equal(0, (await AuditAsync(supervisor, "&operationId=" + premium)).Total);

        // A supervisor of every Colombian operation reads all of them.
        Assert.Equal(coEntries, (await AuditAsync(await app.ClientForAsync("supervisor.telco-co"), "")).Total);

        // A client admin (no membership) reads the whole client; an operation's back office nothing.
        Assert.Equal(coEntries, (await AuditAsync(await app.ClientForAsync("admin.telco-co"), "")).Total);
        var backOffice = await app.ClientForAsync("backoffice.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await backOffice.GetAsync("/api/v1/audit")).StatusCode);

        // The page shows the same.
        var page = await UiPageTests.PageAsync(await UiPageTests.SignInAsync(app, "supervisor.devices-outbound"), "/audit");
        Assert.Equal((devicesEntries + clientLevelEntries).ToString(System.Globalization.CultureInfo.InvariantCulture), CountRegex().Match(page).Groups[1].Value);
        Assert.Empty(app.LoggedErrors);
    }

    private static async Task<(long Total, List<Guid?> Operations)> AuditAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit?pageSize=100" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var operations = json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("operationId") is { ValueKind: JsonValueKind.String } v ? (Guid?)v.GetGuid() : null).ToList();
        return (json.GetProperty("total").GetInt64(), operations);
    }

    private static async Task<string?> StoredAsync(TestApp app, string userName)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.CurrentOperationId).SingleAsync();
        return await db.Operations.Where(o => o.Id == id).Select(o => o.Code).SingleOrDefaultAsync();
    }

    private static string CurrentRow(string html) => CurrentRowRegex().Match(html).Groups[1].Value.Trim();

    [GeneratedRegex("<tr class=\"operation-row current\"><td>[^<]*</td>\\s*<td>([^<]*)<", RegexOptions.Singleline)]
    private static partial Regex CurrentRowRegex();

    [GeneratedRegex("id=\"audit-count\"[^>]*>(\\d+) registro")]
    private static partial Regex CountRegex();
}

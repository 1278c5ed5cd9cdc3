using System.Globalization;
using System.Text.RegularExpressions;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// Issue 14: the operation chosen in the app bar is kept by a reload, a new tab, the language switch and a shared link
/// (<c>?op=</c>, then the operation stored on the user, then the first); a link naming an operation of someone else falls
/// back with a plain message.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class OperationMemoryTests(BrowserFixture fixture)
{
    private const string Devices = "Terminales y tecnología (saliente)";

    [Fact]
    public async Task The_chosen_operation_survives_a_reload_a_new_tab_the_language_switch_and_a_shared_link()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.telco-co");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        var switcher = page.Locator("[data-testid=operation-switcher]");
        await Assertions.Expect(switcher).Not.ToContainTextAsync(Devices); // the first operation is another one

        // Choose a non-first operation: the address carries it, the menu follows its kind.
        await switcher.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = Devices }).ClickAsync();
        await Assertions.Expect(switcher).ToContainTextAsync(Devices);
        await page.WaitForURLAsync(OpIs("devices-outbound"));
        await page.Locator("#nav-outbound-wallboard").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/outbound/wallboard", StringComparison.Ordinal));
        await ExpectWallboardAsync(page, "Tablero en vivo");

        // F5.
        await page.ReloadAsync();
        await page.SettleAsync();
        await Assertions.Expect(switcher).ToContainTextAsync(Devices);
        await ExpectWallboardAsync(page, "Tablero en vivo");

        // A new tab of the same browser opened on the home page: the operation stored on the user.
        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync("/");
        await tab.SettleAsync();
        await Assertions.Expect(tab.Locator("[data-testid=operation-switcher]")).ToContainTextAsync(Devices);
        await Assertions.Expect(tab.Locator("tr.operation-row.current")).ToContainTextAsync(Devices);
        await tab.CloseAsync();

        // The language switch (a full page load through /culture/set) comes back to the same page and operation.
        try
        {
            await page.SwitchLanguageAsync("en");
            await page.WaitForURLAsync(u => u.Contains("/outbound/wallboard", StringComparison.Ordinal) && !u.Contains("culture", StringComparison.Ordinal));
            await page.SettleAsync();
            await Assertions.Expect(switcher).ToContainTextAsync(Devices);
            await ExpectWallboardAsync(page, "Live wallboard");
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("no outbound campaign");
            await BrowserFixture.ScreenshotAsync(page, "90-operation-kept-after-language-switch-en");
        }
        finally
        {
            await BackToSpanishAsync(page);
        }

        // A link shared by a colleague, opened in another browser: the address wins over the stored operation.
        var other = await fixture.NewPageAsync();
        await fixture.SignInAsync(other, "supervisor.telco-co");
        await other.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await other.GotoAsync("/escalations?op=premium-sales");
        await other.SettleAsync();
        await Assertions.Expect(other.Locator("[data-testid=operation-switcher]")).ToContainTextAsync("Ventas Premium (entrante)");
        await Assertions.Expect(other.Locator("h1")).ToContainTextAsync("Escalamientos");
        await Assertions.Expect(other.Locator("#page-forbidden")).ToHaveCountAsync(0);

        // A link naming an operation of another client (or none at all): the stored operation, said plainly, nothing of it shown.
        foreach (var foreign in new[] { "digital-sales", "no-such-operation" })
        {
            await other.GotoAsync($"/?op={foreign}");
            await other.SettleAsync();
            await Assertions.Expect(other.Locator("#op-refused")).ToContainTextAsync("El enlace indicaba una operación en la que usted no trabaja; se muestra su operación Telco Colombia · Ventas Premium (entrante).");
            await Assertions.Expect(other.Locator("[data-testid=operation-switcher]")).ToContainTextAsync("Ventas Premium (entrante)");
            await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync("Ventas digitales");
            await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync("Telco Bolivia");
        }

        await BrowserFixture.ScreenshotAsync(other, "91-operation-foreign-link-es");

        // The message follows the language; the next navigation carries the user's own operation and clears it.
        try
        {
            await other.SwitchLanguageAsync("en");
            await other.SettleAsync();
            await Assertions.Expect(other.Locator("[data-testid=operation-switcher]")).ToContainTextAsync("Ventas Premium (entrante)");
            await other.GotoAsync("/?op=digital-sales");
            await other.SettleAsync();
            await Assertions.Expect(other.Locator("#op-refused")).ToContainTextAsync("The link named an operation you do not work in; showing your operation Telco Colombia · Ventas Premium (entrante) instead.");
            await other.Locator("#nav-customers").ClickAsync();
            await other.WaitForURLAsync(OpIs("premium-sales"));
            await Assertions.Expect(other.Locator("#op-refused")).ToHaveCountAsync(0);
        }
        finally
        {
            await BackToSpanishAsync(other);
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Theory]
    [InlineData("backoffice.adjustments-cell",
        new[] { "nav-customers", "nav-adjustments", "nav-adjustment-causes", "nav-adjustments-import" },
        new[] { "nav-legalization", "nav-sales-reconciliation", "nav-sales", "nav-backoffice", "nav-sale-flows", "nav-my-coaching", "nav-inbound", "nav-escalations", "nav-audit", "nav-outbound-desk" })]
    [InlineData("agent.devices-outbound",
        new[] { "nav-customers", "nav-outbound-desk", "nav-sales" },
        new[] { "nav-inbound", "nav-escalations", "nav-my-coaching", "nav-outbound-floor", "nav-legalization", "nav-audit", "nav-adjustments", "nav-reports" })]
    [InlineData("supervisor.devices-outbound",
        new[] { "nav-outbound-floor", "nav-outbound-wallboard", "nav-devices-backoffice", "nav-outbound-bases", "nav-reports", "nav-audit", "nav-legalization" },
        new[] { "nav-inbound", "nav-escalations", "nav-my-coaching", "nav-outbound-desk", "nav-adjustments", "nav-admin" })]
    [InlineData("agent.premium-sales",
        new[] { "nav-customers", "nav-inbound", "nav-my-coaching", "nav-sales" },
        new[] { "nav-outbound-desk", "nav-escalations", "nav-audit", "nav-legalization", "nav-sales-reconciliation", "nav-adjustments", "nav-backoffice" })]
    public async Task The_menu_shows_what_the_role_uses_in_the_kind_of_operation_in_spanish_and_english(string user, string[] visible, string[] hidden)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, user);
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        try
        {
            foreach (var language in new[] { "es", "en" })
            {
                if (language == "en")
                {
                    await page.SwitchLanguageAsync("en");
                    await page.SettleAsync();
                    await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
                }

                foreach (var id in visible)
                {
                    await Assertions.Expect(page.Locator("#" + id)).ToBeVisibleAsync();
                    await Assertions.Expect(page.Locator("#" + id)).ToHaveTextAsync(MenuTexts[id][language == "es" ? 0 : 1]);
                }

                foreach (var id in hidden)
                {
                    await Assertions.Expect(page.Locator("#" + id)).ToHaveCountAsync(0);
                }
            }

            await BrowserFixture.ScreenshotAsync(page, "92-menu-" + user.Replace('.', '-') + "-en");
        }
        finally
        {
            await BackToSpanishAsync(page);
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task A_page_reached_by_its_address_outside_the_role_or_kind_says_why_and_shows_nothing()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/inbound");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#page-forbidden")).ToContainTextAsync(
            "Esta página es de las operaciones de tipo Ventas entrantes, Ventas digitales; la operación actual, Terminales y tecnología (saliente), es de tipo Saliente.");
        await Assertions.Expect(page.Locator("#open-interaction")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "93-page-outside-kind-es");

        var backOffice = await fixture.NewPageAsync();
        await fixture.SignInAsync(backOffice, "backoffice.adjustments-cell");
        await backOffice.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await backOffice.SettleAsync();
        try
        {
            await backOffice.SwitchLanguageAsync("en");
            await backOffice.GotoAsync("/sales/legalization");
            await backOffice.SettleAsync();
            await Assertions.Expect(backOffice.Locator("#page-forbidden")).ToContainTextAsync("This page belongs to operations of kind");
            await Assertions.Expect(backOffice.Locator("#page-forbidden")).ToContainTextAsync("the current operation, Célula de ajustes, is of kind Adjustments");
            await Assertions.Expect(backOffice.Locator("[id^=legal-]")).ToHaveCountAsync(0);

            await backOffice.GotoAsync("/audit");
            await backOffice.SettleAsync();
            await Assertions.Expect(backOffice.Locator("#page-forbidden")).ToContainTextAsync("Your role in Célula de ajustes (Back office) does not use this page.");
            await Assertions.Expect(backOffice.Locator("#audit-table")).ToHaveCountAsync(0);
        }
        finally
        {
            await BackToSpanishAsync(backOffice);
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_devices_outbound_supervisor_audit_lists_only_that_operation()
    {
        Guid devices;
        int ownEntries;
        string otherOperationsEntity;
        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            devices = await db.Operations.Where(o => o.Code == "devices-outbound").Select(o => o.Id).SingleAsync();
            var clientId = await db.Operations.Where(o => o.Id == devices).Select(o => o.ClientId).SingleAsync();
            // Its operation's entries and the client's records that belong to no operation (customers, calendars).
            ownEntries = await db.AuditEntries.CountAsync(e => e.OperationId == devices || (e.ClientId == clientId && e.OperationId == null));
            // An entry of the same client in another operation, of an entity the supervisor reads none of.
            var ownEntities = await db.AuditEntries.Where(e => e.OperationId == devices || (e.ClientId == clientId && e.OperationId == null)).Select(e => e.Entity).Distinct().ToListAsync();
            otherOperationsEntity = await db.AuditEntries
                .Where(e => e.ClientId == clientId && e.OperationId != null && e.OperationId != devices && !ownEntities.Contains(e.Entity))
                .Select(e => e.Entity).FirstAsync();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.Locator("#nav-audit").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/audit", StringComparison.Ordinal));
        await page.SettleAsync();
        var count = page.Locator("#audit-count");
        await Assertions.Expect(count).ToHaveTextAsync(CountRegex());
        var shown = int.Parse(CountRegex().Match(await count.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(ownEntries, shown); // the browser tests run one at a time: nothing else writes meanwhile

        await page.GotoAsync("/audit?entity=" + Uri.EscapeDataString(otherOperationsEntity));
        await page.SettleAsync();
        await Assertions.Expect(count).ToHaveTextAsync("0 registro(s)");
        await BrowserFixture.ScreenshotAsync(page, "94-audit-own-operation-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    private static readonly Dictionary<string, string[]> MenuTexts = new(StringComparer.Ordinal)
    {
        ["nav-customers"] = ["Clientes", "Customers"],
        ["nav-adjustments"] = ["Ajustes", "Adjustments"],
        ["nav-adjustment-causes"] = ["Causales de ajuste", "Adjustment causes"],
        ["nav-adjustments-import"] = ["Cargar base de ajustes", "Load adjustments base"],
        ["nav-outbound-desk"] = ["Escritorio saliente", "Outbound desk"],
        ["nav-sales"] = ["Hoja de ventas", "Sales sheet"],
        ["nav-outbound-floor"] = ["Piso de la campaña", "Campaign floor"],
        ["nav-outbound-wallboard"] = ["Tablero en vivo", "Live wallboard"],
        ["nav-devices-backoffice"] = ["Back office de terminales", "Device back office"],
        ["nav-outbound-bases"] = ["Bases de leads", "Lead bases"],
        ["nav-reports"] = ["Indicadores", "KPIs"],
        ["nav-audit"] = ["Auditoría", "Audit"],
        ["nav-legalization"] = ["Legalización", "Legalization"],
        ["nav-inbound"] = ["Atención entrante", "Inbound desk"],
        ["nav-my-coaching"] = ["Mis retroalimentaciones", "My coaching"],
    };

    /// <summary>The language switch is remembered on the user: give the shared demo users back their Spanish for the other tests.</summary>
    private static async Task BackToSpanishAsync(IPage page) => await page.GotoAsync("/culture/set?culture=es-CO&redirectUri=/");

    private static Func<string, bool> OpIs(string code) => u => u.Contains("op=" + code, StringComparison.Ordinal);

    private static async Task ExpectWallboardAsync(IPage page, string title)
    {
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("#page-forbidden")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#wall-unavailable")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^(\d+) registro")]
    private static partial Regex CountRegex();
}

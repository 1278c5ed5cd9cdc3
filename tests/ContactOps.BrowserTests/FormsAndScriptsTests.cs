using System.Text.Json;
using System.Text.RegularExpressions;
using ContactOps.Modules.Adjustments;
using ContactOps.Modules.Customers;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// Issue 14 at 1366×768: the desk reads the script with names (never braces) and lead fields by their labels; the adjustment
/// page is two columns; "Cliente informado" needs what was told; the checklist editor fits; an empty chart says so; the
/// customer's change history shows labels and names, not field names and ids — in Spanish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class FormsAndScriptsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_desk_script_reads_names_and_gaps_never_braces_and_lead_fields_show_their_labels()
    {
        await SeedPreviewCampaignAsync();
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.devices-outbound");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/outbound/desk");
        await page.SettleAsync();
        // The agent may still be on the campaign from another test of the shared host: start from logged out.
        await page.Locator("#desk-join").Or(page.Locator("#desk-logout")).First.WaitForAsync();
        if (!await page.Locator("#desk-join").IsVisibleAsync())
        {
            await page.Locator("#desk-logout").ClickAsync();
        }

        await page.Locator("#desk-join").ClickAsync();
        await page.Locator("#desk-ready").ClickAsync();
        await page.Locator("#desk-next").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-lead-name")).ToHaveTextAsync("Valentina Ríos Cárdenas");

        var script = page.Locator("#desk-script");
        await Assertions.Expect(page.Locator("#desk-step-greeting")).ToContainTextAsync("Buenos días, ¿hablo con Valentina Ríos Cárdenas? Le saluda Asesor devices-outbound de Telco Colombia.");
        await Assertions.Expect(script).Not.ToContainTextAsync("{");
        await page.Locator("#desk-step-next").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-step-offer")).ToContainTextAsync("Valentina, por ser cliente Pospago Plus le ofrecemos el Motorola G84");
        // The lead has no discount column: the agent sees a marked gap, not "{campo:Descuento}".
        await Assertions.Expect(page.Locator("#desk-step-offer .script-gap")).ToHaveTextAsync("[sin dato: Descuento]");
        await Assertions.Expect(script).Not.ToContainTextAsync("{");

        // Lead fields by the labels of the base's mapping, not their keys.
        var attributes = page.Locator("#desk-lead-attributes th");
        await Assertions.Expect(attributes).ToContainTextAsync(["Plan actual", "Equipo ofrecido", "Cupo disponible"]);
        var labels = await attributes.AllInnerTextsAsync();
        Assert.DoesNotContain(labels, l => l.Contains('_', StringComparison.Ordinal) || l == l.ToLowerInvariant());
        await BrowserFixture.ScreenshotAsync(page, "90-desk-script-names-es");

        await page.SwitchLanguageAsync("en");
        try
        {
            await page.SettleAsync();
            await page.GotoAsync("/outbound/desk");
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Outbound desk");
            await Assertions.Expect(page.Locator("#desk-lead-name")).ToHaveTextAsync("Valentina Ríos Cárdenas");
            await page.Locator("#desk-step-next").ClickAsync();
            await Assertions.Expect(page.Locator("#desk-step-offer")).ToHaveClassAsync(new Regex("current"));
            await Assertions.Expect(page.Locator("#desk-step-offer .script-gap")).ToHaveTextAsync("[missing: Descuento]");
            await Assertions.Expect(page.Locator("#desk-script")).Not.ToContainTextAsync("{");
            await Assertions.Expect(page.Locator("#desk-lead-attributes th").First).ToHaveTextAsync("Plan actual");
            await BrowserFixture.ScreenshotAsync(page, "90-desk-script-names-en");
        }
        finally
        {
            await page.SwitchLanguageAsync("es");
            await page.SettleAsync();
        }

        await page.Locator("#desk-logout").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-join")).ToBeVisibleAsync();
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_adjustment_page_is_two_columns_and_customer_informed_needs_what_was_told()
    {
        Guid id;
        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await db.Adjustments.Where(a => a.State == AdjustmentState.ToInform && a.Resolution == AdjustmentResolution.Approved && !a.Key.StartsWith("E:BRW"))
                .OrderBy(a => a.Key).Select(a => a.Id).FirstAsync();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "backoffice.adjustments-cell");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/adjustments/" + id);
        await page.SettleAsync();

        // Facts on the left, the work on the right, side by side at 1366 px.
        var facts = (await page.Locator("[data-testid=facts-column]").BoundingBoxAsync())!;
        var work = (await page.Locator("[data-testid=work-column]").BoundingBoxAsync())!;
        Assert.True(work.X >= facts.X + facts.Width - 1, $"work column at x={work.X}, facts end at {facts.X + facts.Width}");
        Assert.True(Math.Abs(work.Y - facts.Y) < 2, $"tops: facts {facts.Y}, work {work.Y}");
        Assert.True(work.X + work.Width <= 1366);
        await Assertions.Expect(page.Locator("[data-testid=carrier-values]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=actions]")).ToBeVisibleAsync();

        // "Cliente informado" with nothing written: refused, the field says why, the state does not move.
        await page.Locator("[data-testid=action-inform]").ClickAsync();
        await page.Locator("[data-testid=outcome-informed]").First.ClickAsync();
        var message = page.Locator("textarea[data-testid=inform-message], [data-testid=inform-message] textarea").First;
        await Assertions.Expect(message).Not.ToBeEmptyAsync(); // pre-filled from the answer
        await message.FillAsync("");
        await message.BlurAsync();
        await page.Locator("[data-testid=submit-action]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=action-error]")).ToContainTextAsync("Escriba lo que se le informó al cliente");
        await Assertions.Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("[data-testid=inform-message]") }))
            .ToContainTextAsync("Escriba lo que se le informó al cliente");
        await Assertions.Expect(page.Locator("[data-testid=state-badge]")).ToHaveAttributeAsync("data-state", "ToInform");
        await BrowserFixture.ScreenshotAsync(page, "91-adjustment-two-columns-es");

        // On a narrow screen: one column (the work under the facts).
        await page.SetViewportSizeAsync(900, 768);
        await page.Locator("[data-testid=cancel-action]").ClickAsync();
        facts = (await page.Locator("[data-testid=facts-column]").BoundingBoxAsync())!;
        work = (await page.Locator("[data-testid=work-column]").BoundingBoxAsync())!;
        Assert.True(work.Y >= facts.Y + facts.Height - 1, $"narrow: work at y={work.Y}, facts end at {facts.Y + facts.Height}");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_checklist_editor_fits_1366_with_its_move_buttons_visible()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "coordinator.sales-cell");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/sales/checklists");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#checklist-items .checklist-item-row").First).ToBeVisibleAsync();
        var rows = await page.Locator("#checklist-items .checklist-item-row").CountAsync();
        Assert.True(rows >= 2, "the checklist has steps to move");

        var overflow = await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        Assert.True(overflow, "no horizontal scroll at 1366 px");
        foreach (var selector in new[] { ".checklist-up", ".checklist-down", ".checklist-remove" })
        {
            var button = page.Locator($"#checklist-items .checklist-item-row:nth-child(2) {selector}");
            await Assertions.Expect(button).ToBeInViewportAsync();
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 1366, $"{selector} at x={box.X}");
        }

        // The move buttons work: the second step goes up.
        var second = await page.Locator("#item-1-code").InputValueAsync();
        await page.Locator("#checklist-items .checklist-item-row:nth-child(2) .checklist-up").ClickAsync();
        await Assertions.Expect(page.Locator("#item-0-code")).ToHaveValueAsync(second);
        await BrowserFixture.ScreenshotAsync(page, "92-checklist-editor-fits-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task A_chart_with_nothing_to_draw_says_no_data()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.adjustments-cell");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/adjustments/kpis?operation=adjustments-cell&from=2020-01-01&to=2020-01-31");
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#kpis-week-empty")).ToHaveTextAsync("Sin datos");
        await Assertions.Expect(page.Locator("#kpis-cause-empty")).ToHaveTextAsync("Sin datos");
        await Assertions.Expect(page.Locator("#kpis-week-chart")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "93-chart-no-data-es");

        await page.SwitchLanguageAsync("en");
        try
        {
            await page.SettleAsync();
            await Assertions.Expect(page.Locator("#kpis-week-empty")).ToHaveTextAsync("No data");
        }
        finally
        {
            await page.SwitchLanguageAsync("es");
            await page.SettleAsync();
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_customer_history_shows_labels_and_names_not_field_names_or_ids()
    {
        Guid customerId;
        await using (var scope = fixture.App.SystemScope())
        {
            // A change with an enum, a flag, a child record and ids in it: what the page must make readable.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var customer = await db.Customers.Include(c => c.Phones).FirstAsync(c => c.DocumentNumber == "1020304050");
            customerId = customer.Id;
            var fixedLine = PhoneNumber.Parse("6017654321", ContactOps.Platform.Country.CO).Value!;
            Assert.Equal(PhoneKind.Fixed, fixedLine.Kind);
            customer.AddPhone(fixedLine);
            db.Entry(customer.Phones.Single(p => p.E164 == fixedLine.E164)).State = EntityState.Added;
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.GotoAsync("/customers/" + customerId);
        await page.SettleAsync();
        var history = page.Locator("#card-history");
        await Assertions.Expect(history).ToContainTextAsync("Teléfono");
        await Assertions.Expect(history).ToContainTextAsync("Fijo");
        await AssertReadableAsync(history);
        await history.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "94-customer-history-labels-es");

        await page.SwitchLanguageAsync("en");
        try
        {
            await page.SettleAsync();
            await Assertions.Expect(history).ToContainTextAsync("Phone");
            await Assertions.Expect(history).ToContainTextAsync("Landline");
            await AssertReadableAsync(history);
        }
        finally
        {
            await page.SwitchLanguageAsync("es");
            await page.SettleAsync();
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    private static async Task AssertReadableAsync(ILocator history)
    {
        var text = await history.InnerTextAsync();
        Assert.DoesNotMatch(Guid(), text);
        foreach (var raw in new[] { "CustomerPhone", "CustomerId", "ClientId", "E164", "IsPrimary", "FirstNames", "DocumentNumber", "$", "[\"" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>devices-outbound in preview (the agent takes the lead), a base whose mapping labels its columns, one lead.</summary>
    private async Task SeedPreviewCampaignAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var op = await db.Operations.SingleAsync(o => o.Code == "devices-outbound");
        var campaign = await db.OutboundCampaigns.FirstOrDefaultAsync(c => c.OperationId == op.Id);
        if (campaign is null)
        {
            campaign = new OutboundCampaign(op.ClientId, op.Id, "CO");
            db.OutboundCampaigns.Add(campaign);
        }

        var allDay = string.Join(",", Enum.GetNames<DayOfWeek>().Select(d => $"\"{d}\":[[\"00:00\",\"23:59\"]]"));
        campaign.DialMode = DialMode.Preview;
        campaign.IsRunning = false;
        campaign.ContactWindowsJson = "{" + allDay + "}";
        campaign.NoCallsOnHolidays = false;
        campaign.MaxAttemptsPerDay = 10;
        campaign.MaxAttemptsTotal = 20;
        campaign.ScriptJson = JsonSerializer.Serialize(new[]
        {
            new ScriptStep("greeting", "Saludo", "Buenos días, ¿hablo con {cliente}? Le saluda {asesor} de Telco Colombia."),
            new ScriptStep("offer", "Oferta", "{primer_nombre}, por ser cliente {campo:Plan actual} le ofrecemos el {oferta} con su cupo de {cupo} y {campo:Descuento}."),
            new ScriptStep("farewell", "Despedida", "Gracias por su tiempo, {nombre}."),
        }, CampaignSettings.Json);
        await db.LeadBases.Where(b => b.OperationId == op.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LeadBaseStatus.Closed));
        await db.Segments.Where(s => s.OperationId == op.Id).ExecuteDeleteAsync();

        var leadBase = new LeadBase(op.ClientId, op.Id, "browser-labels", "browser-labels.csv", time.GetUtcNow(), null)
        {
            AttributeSchemaJson = LeadAttributeSchema.Write(
            [
                new("plan_actual", LeadAttributeKind.Text, "Plan actual"),
                new("equipo_ofrecido", LeadAttributeKind.Text, "Equipo ofrecido"),
                new("cupo", LeadAttributeKind.Number, "Cupo disponible"),
                new("descuento", LeadAttributeKind.Text, "Descuento"),
            ]),
        };
        db.LeadBases.Add(leadBase);
        var lead = new Lead(op.ClientId, op.Id, leadBase.Id, "CC", "80200300", "Valentina Ríos Cárdenas", 2)
        {
            AttributesJson = """{"plan_actual":"Pospago Plus","equipo_ofrecido":"Motorola G84","cupo":1800000}""",
        };
        db.Leads.Add(lead);
        db.LeadPhones.Add(new LeadPhone(op.ClientId, op.Id, lead.Id, "+573105550990", 0));
        await db.SaveChangesAsync();
    }
}

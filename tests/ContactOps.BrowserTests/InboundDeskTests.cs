using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>An agent takes a premium inbound call and escalates it; a supervisor sees the escalation queue's alarms and answers one.</summary>
[Collection(BrowserCollection.Name)]
public class InboundDeskTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_new_caller_is_created_at_the_desk_and_a_known_document_is_identified_instead()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/inbound");
        await page.SettleAsync();
        await page.Locator("#desk-channel").SelectOptionAsync("WhatsApp");
        await page.Locator("#open-interaction").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-opened")).ToBeVisibleAsync();

        // Not found: the desk offers to create the customer, with what was searched carried over.
        await page.Locator("#desk-customer-search").FillAsync("1032456789");
        await page.Locator("#desk-search").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-search-none")).ToContainTextAsync("Crear cliente");
        await page.Locator("#desk-create-customer").ClickAsync();
        await Assertions.Expect(page.Locator("#new-doc-number")).ToHaveValueAsync("1032456789");

        // Invalid phone: refused in Spanish, nothing created.
        await page.Locator("#new-first-names").FillAsync("Valentina");
        await page.Locator("#new-last-names").FillAsync("Ospina Giraldo");
        await page.Locator("#new-phone").FillAsync("12345");
        await page.Locator("#desk-save-customer").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-error")).ToContainTextAsync("teléfono");

        await page.Locator("#new-phone").FillAsync("315 444 7788");
        await BrowserFixture.ScreenshotAsync(page, "33-inbound-new-customer-es");
        await page.Locator("#desk-save-customer").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-customer-name")).ToContainTextAsync("Valentina Ospina Giraldo");

        // A second call from the same person, typed as new: the desk says who it is and identifies them.
        var second = await fixture.NewPageAsync();
        await fixture.SignInAsync(second, "agent.premium-sales");
        await second.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await second.GotoAsync("/inbound");
        await second.SettleAsync();
        await second.Locator("#desk-channel").SelectOptionAsync("WhatsApp");
        await second.Locator("#open-interaction").ClickAsync();
        await second.Locator("#desk-create-customer").ClickAsync();
        await second.Locator("#new-doc-number").FillAsync("1.032.456.789");
        await second.Locator("#new-first-names").FillAsync("Vale");
        await second.Locator("#new-phone").FillAsync("3154447700");
        await second.Locator("#desk-save-customer").ClickAsync();
        await Assertions.Expect(second.Locator("#desk-new-clash")).ToContainTextAsync("Valentina Ospina Giraldo");
        await second.Locator("#desk-identify-existing").ClickAsync();
        await Assertions.Expect(second.Locator("#desk-customer-name")).ToContainTextAsync("Valentina Ospina Giraldo");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task An_open_interaction_survives_a_reload_and_is_listed_to_resume()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/inbound");
        await page.SettleAsync();
        await page.Locator("#desk-call-id").FillAsync("1700000777");
        await page.Locator("#desk-extension").FillAsync("4101");
        await page.Locator("#open-interaction").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-opened")).ToContainTextAsync("1700000777");
        await page.WaitForURLAsync(u => u.Contains("interactionId=", StringComparison.Ordinal));

        // F5: the same interaction, still open, with what was typed and saved.
        await page.Locator("#desk-request").FillAsync("Pregunta por la velocidad de su plan.");
        await page.Locator("#save-request").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-saved")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("#desk-opened")).ToContainTextAsync("1700000777");
        await Assertions.Expect(page.Locator("#desk-request")).ToHaveValueAsync("Pregunta por la velocidad de su plan.");

        // The desk opened afresh (another tab, the menu): the agent's open interactions, to resume.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/inbound");
        await other.SettleAsync();
        var row = other.Locator("#desk-my-open .desk-open-row", new() { HasTextString = "1700000777" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(other, "32-inbound-my-open-es");
        await row.Locator(".resume-interaction").ClickAsync();
        await Assertions.Expect(other.Locator("#desk-opened")).ToContainTextAsync("1700000777");

        // Closed there, it leaves the list.
        await other.Locator("#desk-disposition").SelectOptionAsync("INFORMACION");
        await other.Locator("#close-interaction").ClickAsync();
        await Assertions.Expect(other.Locator("#desk-closed")).ToBeVisibleAsync();
        await other.Locator("#new-interaction").ClickAsync();
        await Assertions.Expect(other.Locator("#open-interaction")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("#desk-my-open .desk-open-row", new() { HasTextString = "1700000777" })).ToHaveCountAsync(0);
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task Agent_identifies_the_customer_escalates_and_reads_the_promised_answer_time()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "agent.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();

        await page.Locator("#nav-inbound").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/inbound"); // the menu link carries ?op=
        await page.SettleAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Atención entrante");

        // A voice call needs its call id: refused with a Spanish message first.
        await page.Locator("#desk-extension").FillAsync("4101");
        await page.Locator("#open-interaction").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-error")).ToContainTextAsync("id de la llamada");

        await page.Locator("#desk-call-id").FillAsync("1700000999");
        await page.Locator("#open-interaction").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-opened")).ToContainTextAsync("1700000999");

        await page.Locator("#desk-customer-search").FillAsync("1020304050");
        await page.Locator("#desk-search").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-matches")).ToContainTextAsync("María Fernanda");
        await page.Locator(".identify-customer").First.ClickAsync();
        await Assertions.Expect(page.Locator("#desk-customer-name")).ToContainTextAsync("María Fernanda Rodríguez Peña");

        await page.Locator("#desk-request").FillAsync("Quiere internet y TV en un predio nuevo; enviará el recibo de servicio público.");
        await page.Locator("#desk-premise").SelectOptionAsync("NotCreated");
        await page.Locator("#save-request").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-saved")).ToBeVisibleAsync();

        // Closing without a disposition is refused.
        await page.Locator("#close-interaction").ClickAsync();
        await Assertions.Expect(page.Locator("#desk-error")).ToContainTextAsync("sin tipificación");

        await page.Locator("#desk-disposition").SelectOptionAsync("ESCALADO");
        await page.Locator("#desk-resolution").SelectOptionAsync("Escalated");
        await page.Locator("#desk-escalation-type").SelectOptionAsync("CREACION_PREDIO");
        await BrowserFixture.ScreenshotAsync(page, "30-inbound-desk-es");
        await page.Locator("#close-interaction").ClickAsync();

        var promised = page.Locator("#promised-text");
        await Assertions.Expect(promised).ToBeVisibleAsync();
        await Assertions.Expect(promised).ToContainTextAsync(" de 20");
        await Assertions.Expect(promised).ToContainTextAsync("a las");
        await Assertions.Expect(page.Locator("#promised-answer")).ToContainTextAsync("72 horas hábiles");
        await BrowserFixture.ScreenshotAsync(page, "31-inbound-promised-answer-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task Supervisor_sees_overdue_escalations_at_a_glance_and_answers_one()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "supervisor.premium-sales");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.SettleAsync();
        await page.Locator("#nav-escalations").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/escalations"); // the menu link carries ?op=
        await page.SettleAsync();

        // The demo has one overdue escalation.
        await Assertions.Expect(page.Locator("#count-overdue")).ToContainTextAsync("Vencidos: ");
        await Assertions.Expect(page.Locator("#count-overdue")).Not.ToContainTextAsync("Vencidos: 0");
        await Assertions.Expect(page.Locator(".escalation-row.alarm-overdue").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "32-escalations-queue-es");

        await page.Locator("#count-overdue").ClickAsync();
        await Assertions.Expect(page.Locator(".escalation-row:not(.alarm-overdue)")).ToHaveCountAsync(0);
        var before = await page.Locator(".escalation-row").CountAsync();
        await page.Locator(".escalation-row.alarm-overdue .answer-escalation").First.ClickAsync();
        await page.Locator("#answer-text").FillAsync("Documento validado por back office; se contacta al cliente.");
        await BrowserFixture.ScreenshotAsync(page, "33-escalation-answer-dialog-es");
        await page.Locator("#answer-send").ClickAsync();
        await Assertions.Expect(page.Locator(".escalation-row")).ToHaveCountAsync(before - 1);
        Assert.Empty(fixture.App.LoggedErrors);
    }
}

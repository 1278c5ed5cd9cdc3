using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>An agent takes a premium inbound call and escalates it; a supervisor sees the escalation queue's alarms and answers one.</summary>
[Collection(BrowserCollection.Name)]
public class InboundDeskTests(BrowserFixture fixture)
{
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

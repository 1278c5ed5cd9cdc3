using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// A supervisor starts a simulated predictive campaign; an agent goes ready, a call connects and pops the lead without a
/// reload, the agent walks the script and dispositions a sale with the identity validation; the supervisor sees the floor live.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OutboundDeskTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Agent_receives_a_predictive_call_walks_the_script_and_sells_while_the_supervisor_watches()
    {
        await SeedPredictiveCampaignAsync();

        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.devices-outbound");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await supervisor.GotoAsync("/outbound/floor");
        await supervisor.SettleAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync("Piso de la campaña");
        await supervisor.Locator("#floor-start").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#floor-running")).ToContainTextAsync("encendido");

        var agent = await fixture.NewPageAsync();
        await fixture.SignInAsync(agent, "agent.devices-outbound");
        await agent.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator("#nav-outbound-desk")).ToBeVisibleAsync();
        await agent.GotoAsync("/outbound/desk");
        await agent.SettleAsync();
        await Assertions.Expect(agent.Locator("h1")).ToContainTextAsync("Escritorio saliente");
        await agent.Locator("#desk-join").ClickAsync();
        await agent.Locator("#desk-ready").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-state")).ToContainTextAsync("Listo");

        // The simulated customer answers; the call is bridged and the lead pops by itself (no reload).
        await Assertions.Expect(agent.Locator("#desk-lead-name")).ToContainTextAsync("Cliente Predictivo", new() { Timeout = 60_000 });
        await Assertions.Expect(agent.Locator("#desk-state")).ToContainTextAsync("En llamada");
        await Assertions.Expect(agent.Locator("#desk-step-greeting")).ToContainTextAsync("Buenos días, ¿hablo con Cliente Predictivo");
        await BrowserFixture.ScreenshotAsync(agent, "40-outbound-desk-call-popped-es");
        await Assertions.Expect(supervisor.Locator("#floor-agents")).ToContainTextAsync("En llamada", new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(supervisor, "41-outbound-floor-live-es");

        // The script: offer, pre-close, close; the contract reading appears only when closing a sale.
        await Assertions.Expect(agent.Locator("#desk-step-contract")).ToHaveCountAsync(0);
        await agent.Locator("#desk-step-next").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-step-offer")).ToContainTextAsync("Galaxy A55");
        await agent.Locator("#desk-step-next").ClickAsync();
        await agent.Locator("#desk-step-next").ClickAsync();
        await agent.GetByText("Cerrando una venta").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-step-contract")).ToBeVisibleAsync();
        await agent.Locator("#desk-step-next").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-step-contract")).ToContainTextAsync("acepta la compra");
        await BrowserFixture.ScreenshotAsync(agent, "42-outbound-desk-contract-reading-es");

        // Hang up, then the sale: refused without the identity validation, saved with it.
        await agent.Locator("#desk-hangup").ClickAsync();
        await agent.Locator("#dispo-VENTA").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-sale")).ToBeVisibleAsync();
        await agent.Locator("#desk-save-disposition").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-error")).ToContainTextAsync("validación de identidad");
        await agent.GetByText("Validé la identidad del titular").ClickAsync();
        await BrowserFixture.ScreenshotAsync(agent, "43-outbound-desk-sale-identity-es");
        await agent.Locator("#desk-save-disposition").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-state")).ToContainTextAsync("Listo", new() { Timeout = 30_000 });

        await using (var scope = fixture.App.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var attempt = await db.CallAttempts.SingleAsync(a => a.DispositionCode == "VENTA" && a.AgentLogin == "agent.devices-outbound");
            Assert.Equal(DialMode.Predictive, attempt.Mode);
            Assert.NotNull(attempt.SaleId);
            Assert.True(await db.Sales.AnyAsync(s => s.Id == attempt.SaleId && s.Origin == Modules.Sales.SaleOrigin.OutboundDesk));
            Assert.True(await db.SaleAttachments.AnyAsync(a => a.SaleId == attempt.SaleId && a.Kind == Modules.Sales.SaleAttachmentKind.IdentityValidation));
        }

        await Assertions.Expect(supervisor.Locator("#floor-agent-agent\\.devices-outbound")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(supervisor, "44-outbound-floor-after-sale-es");

        Assert.Empty(fixture.App.LoggedErrors);

        // Leave the shared app quiet: the supervisor stops the dialer.
        await supervisor.Locator("#floor-stop").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#floor-running")).ToContainTextAsync("detenido");
    }

    /// <summary>devices-outbound in predictive mode on the simulator: everyone answers fast and talks long; callable any day and hour.</summary>
    private async Task SeedPredictiveCampaignAsync()
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
        campaign.DialMode = DialMode.Predictive;
        campaign.IsRunning = false;
        campaign.ContactWindowsJson = "{" + allDay + "}";
        campaign.NoCallsOnHolidays = false;
        campaign.MaxAttemptsPerDay = 10;
        campaign.MaxAttemptsTotal = 20;
        campaign.RecycleMinutesJson = "{}";
        campaign.WrapUpLimitSeconds = 600;
        campaign.WrapUpDefaultDispositionCode = "NO_CONTESTA";
        campaign.ScriptJson = JsonSerializer.Serialize(ContactOps.Modules.Outbound.DeskSettings.DefaultScript, ContactOps.Modules.Outbound.CampaignSettings.Json);
        campaign.SimulationJson = JsonSerializer.Serialize(new SimulationProfile
        {
            AnswerRate = 1.0, MachineShare = 0, BusyShare = 0, FailedShare = 0, RingMeanSeconds = 1, RingTimeoutSeconds = 10,
            TalkMeanSeconds = 900, WrapMeanSeconds = 5, PatienceSeconds = 30, Seed = 7,
        });
        // The demo bases and segments stay out of this campaign run: the test brings its own leads.
        await db.LeadBases.Where(b => b.OperationId == op.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LeadBaseStatus.Closed));
        await db.Segments.Where(s => s.OperationId == op.Id).ExecuteDeleteAsync();

        var leadBase = new LeadBase(op.ClientId, op.Id, "browser-predictive", "browser.csv", time.GetUtcNow(), null);
        db.LeadBases.Add(leadBase);
        for (var i = 0; i < 1; i++)
        {
            var lead = new Lead(op.ClientId, op.Id, leadBase.Id, "CC", (80_100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "Cliente Predictivo " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i + 2)
            {
                AttributesJson = """{"plan":"Pospago 45","equipo":"Galaxy A55","cuota":"89900","ciudad":"Cali"}""",
            };
            db.Leads.Add(lead);
            db.LeadPhones.Add(new LeadPhone(op.ClientId, op.Id, lead.Id, "+57310555010" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0));
        }

        await db.SaveChangesAsync();
    }
}

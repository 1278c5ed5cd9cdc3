using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactOps.BrowserTests;

/// <summary>
/// A supervisor keeps the live wallboard open while the simulated predictive dialer runs: attempts, calls and agents in
/// call change on screen without a reload; then the management report page generates and lists a kept report.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WallboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_wallboard_updates_live_while_the_simulated_dialer_runs()
    {
        var operationId = await SeedPredictiveCampaignAsync();

        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.devices-outbound");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await Assertions.Expect(supervisor.Locator("#nav-outbound-wallboard")).ToBeVisibleAsync();
        await supervisor.GotoAsync("/outbound/wallboard");
        await supervisor.SettleAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync("Tablero en vivo");
        await Assertions.Expect(supervisor.Locator("#wall-running")).ToContainTextAsync("apagado");
        var attemptsBefore = (await supervisor.Locator("#wall-attempts").InnerTextAsync()).Trim();
        await Assertions.Expect(supervisor.Locator("#wall-incall")).ToHaveTextAsync("0");

        // Stopped: the wallboard says so, and what it could dial now is apart from the inventory.
        await Assertions.Expect(supervisor.Locator("#wall-dialer-idle")).ToContainTextAsync("No se marca: el marcador está detenido.");
        await Assertions.Expect(supervisor.Locator("#wall-dialable")).ToHaveTextAsync("2");
        await Assertions.Expect(supervisor.Locator("#wall-inventory")).ToHaveTextAsync("2");

        // The dialer starts (as the floor's start button does) while the wallboard stays open: no reload from here on.
        var floor = fixture.App.Services.GetRequiredService<IOutboundFloor>();
        await floor.StartAsync(operationId, CancellationToken.None);
        try
        {
            await Assertions.Expect(supervisor.Locator("#wall-running")).ToContainTextAsync("encendido", new() { Timeout = 30_000 });
            await Assertions.Expect(supervisor.Locator("#wall-dialer-idle")).ToContainTextAsync("No se marca: ningún asesor está listo.", new() { Timeout = 30_000 });

            var agent = await fixture.NewPageAsync();
            await fixture.SignInAsync(agent, "agent.devices-outbound");
            await agent.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
            await agent.SettleAsync();
            await agent.GotoAsync("/outbound/desk");
            await agent.SettleAsync();
            await agent.Locator("#desk-join").ClickAsync();
            await agent.Locator("#desk-ready").ClickAsync();
            await Assertions.Expect(supervisor.Locator("#wall-agent-agent\\.devices-outbound")).ToContainTextAsync("Listo", new() { Timeout = 30_000 });

            // The simulated customer answers and is bridged: the wallboard shows it by itself.
            await Assertions.Expect(agent.Locator("#desk-lead-name")).ToContainTextAsync("Cliente Tablero", new() { Timeout = 60_000 });
            await Assertions.Expect(supervisor.Locator("#wall-incall")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
            await Assertions.Expect(supervisor.Locator("#wall-agent-agent\\.devices-outbound")).ToContainTextAsync("En llamada");

            // One call talking with one agent: calls in flight and agents in call agree (one snapshot), once the other
            // call has rung out; the lead on the call is no longer dialable, still in the inventory.
            await Assertions.Expect(supervisor.Locator("#wall-inflight")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
            await Assertions.Expect(supervisor.Locator("#wall-incall")).ToHaveTextAsync("1");
            await Assertions.Expect(supervisor.Locator("#wall-inventory")).ToHaveTextAsync("2");
            Assert.True(int.Parse(await supervisor.Locator("#wall-inflight").InnerTextAsync(), CultureInfo.InvariantCulture)
                >= int.Parse(await supervisor.Locator("#wall-incall").InnerTextAsync(), CultureInfo.InvariantCulture));
            await AssertFitsAsync(supervisor);
            await Assertions.Expect(supervisor.Locator("#wall-attempts")).Not.ToHaveTextAsync(attemptsBefore, new() { Timeout = 30_000 });
            var attemptsNow = int.Parse((await supervisor.Locator("#wall-attempts").InnerTextAsync()).Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            Assert.True(attemptsNow > int.Parse(attemptsBefore.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
            await BrowserFixture.ScreenshotAsync(supervisor, "50-outbound-wallboard-live-es");

            // The agent ends the call: the wallboard follows to wrap-up.
            await agent.Locator("#desk-hangup").ClickAsync();
            await Assertions.Expect(supervisor.Locator("#wall-agent-agent\\.devices-outbound")).ToContainTextAsync("Tipificando", new() { Timeout = 30_000 });
            await agent.Locator("#dispo-NO_INTERESADO").ClickAsync();
            await agent.Locator("#desk-save-disposition").ClickAsync();
            await Assertions.Expect(agent.Locator("#desk-state")).ToContainTextAsync("Listo", new() { Timeout = 30_000 });
            await agent.Locator("#desk-logout").ClickAsync();
            await agent.CloseAsync();
        }
        finally
        {
            await floor.StopAsync(operationId, CancellationToken.None);
            LeaveFloor(operationId);
        }

        await Assertions.Expect(supervisor.Locator("#wall-running")).ToContainTextAsync("apagado", new() { Timeout = 30_000 });

        // The daily management report: generate now, listed and downloadable.
        await supervisor.GotoAsync("/outbound/management");
        await supervisor.SettleAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync("Informe diario de gestión");
        await supervisor.Locator("#mgmt-generate").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#mgmt-message")).ToContainTextAsync("Informe generado: 2 registros");
        await Assertions.Expect(supervisor.Locator("#mgmt-runs")).ToContainTextAsync("gestion_devices-outbound_");
        await BrowserFixture.ScreenshotAsync(supervisor, "51-outbound-management-report-es");
        Assert.Empty(fixture.App.LoggedErrors);
    }

    [Fact]
    public async Task The_floor_the_wallboard_and_the_desk_say_why_nothing_is_dialled_and_the_wallboard_has_a_tv_mode()
    {
        var operationId = await SeedPredictiveCampaignAsync();

        // Stopped: the floor says why and when it will dial, in Spanish and in English.
        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor.devices-outbound");
        await supervisor.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await supervisor.SettleAsync();
        await supervisor.GotoAsync("/outbound/floor");
        await supervisor.SettleAsync();
        await Assertions.Expect(supervisor.Locator("#floor-dialer-idle")).ToHaveTextAsync("No se marca: el marcador está detenido. Se marcará cuando se inicie el marcador.");
        await BrowserFixture.ScreenshotAsync(supervisor, "52-outbound-floor-idle-reason-es");

        // The agent waiting on the desk is told why no call comes, live: the supervisor starts, then closes the base.
        var agent = await fixture.NewPageAsync();
        await fixture.SignInAsync(agent, "agent.devices-outbound");
        await agent.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await agent.SettleAsync();
        await agent.GotoAsync("/outbound/desk");
        await agent.SettleAsync();
        await agent.Locator("#desk-join").ClickAsync();
        await Assertions.Expect(agent.Locator("#desk-dialer-idle")).ToContainTextAsync("No se marca: el marcador está detenido.");
        await Assertions.Expect(agent.Locator("#desk-waiting")).ToHaveCountAsync(0);
        await supervisor.Locator("#floor-start").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#floor-dialer-idle")).ToContainTextAsync("No se marca: ningún asesor está listo.");
        await Assertions.Expect(agent.Locator("#desk-dialer-idle")).ToContainTextAsync("ningún asesor está listo", new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(agent, "44-outbound-desk-idle-reason-es");
        var floor = fixture.App.Services.GetRequiredService<IOutboundFloor>();
        try
        {
            await using (var scope = fixture.App.SystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.LeadBases.Where(b => b.OperationId == operationId).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LeadBaseStatus.Closed));
                scope.ServiceProvider.GetRequiredService<DialerStatus>().Forget(operationId);
            }

            await Assertions.Expect(agent.Locator("#desk-dialer-idle")).ToContainTextAsync("No se marca: no hay ninguna base abierta.", new() { Timeout = 30_000 });

            // The wallboard says it too; it fits 1366×768 with the navigation and in TV mode.
            await supervisor.GotoAsync("/outbound/wallboard");
            await supervisor.SettleAsync();
            await Assertions.Expect(supervisor.Locator("#wall-dialer-idle")).ToHaveTextAsync("No se marca: no hay ninguna base abierta. Cargue o reabra una base para marcar.");
            await Assertions.Expect(supervisor.Locator("#wall-dialable")).ToHaveTextAsync("0");
            await AssertFitsAsync(supervisor);
            await supervisor.Locator("#wall-tv").ClickAsync();
            await supervisor.WaitForURLAsync(u => u.Contains("tv=1", StringComparison.Ordinal));
            await Assertions.Expect(supervisor.Locator("#wall-exit-tv")).ToBeVisibleAsync();
            await Assertions.Expect(supervisor.Locator(".mud-appbar")).ToBeHiddenAsync();
            await Assertions.Expect(supervisor.Locator(".mud-drawer")).ToBeHiddenAsync();
            await Assertions.Expect(supervisor.Locator("#wall-dialer-idle")).ToContainTextAsync("no hay ninguna base abierta");
            Assert.True(await supervisor.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('#wall-ready')).fontSize)") >= 32);
            await AssertFitsAsync(supervisor);
            await BrowserFixture.ScreenshotAsync(supervisor, "53-outbound-wallboard-tv-es");

            // An empty hour-by-hour chart says so instead of drawing zeros.
            bool hasHourly;
            await using (var scope = fixture.App.SystemScope())
            {
                var figures = await scope.ServiceProvider.GetRequiredService<ContactOps.Modules.Outbound.Features.GetWallboard>().FiguresAsync(operationId, CancellationToken.None);
                hasHourly = figures.HasHourlyData;
            }

            await Assertions.Expect(supervisor.Locator(hasHourly ? "#wall-hourly-chart" : "#wall-hourly-empty")).ToBeVisibleAsync();
            if (!hasHourly)
            {
                await Assertions.Expect(supervisor.Locator("#wall-hourly-empty")).ToHaveTextAsync("Sin datos todavía hoy");
            }

            // In English.
            await supervisor.GotoAsync("/outbound/floor");
            await supervisor.SettleAsync();
            await supervisor.SwitchLanguageAsync("en");
            await supervisor.SettleAsync();
            await Assertions.Expect(supervisor.Locator("#floor-dialer-idle")).ToHaveTextAsync("Not dialling: no lead base is open. Load or reopen a lead base to dial.");
            await BrowserFixture.ScreenshotAsync(supervisor, "52-outbound-floor-idle-reason-en");
            await supervisor.GotoAsync("/outbound/wallboard");
            await supervisor.SettleAsync();
            await Assertions.Expect(supervisor.Locator("#wall-dialer-idle")).ToContainTextAsync("Not dialling: no lead base is open.");
            await Assertions.Expect(supervisor.Locator("#wall-card-dialable")).ToContainTextAsync("Dialable now");
            await Assertions.Expect(supervisor.Locator("#wall-card-inventory")).ToContainTextAsync("Inventory to work");

            // An agent's change raised on another thread in Spanish (as the dialer's loop or an agent's Spanish circuit
            // raises it) re-renders the English wallboard in English. The page redraws every second in its own language,
            // so every render in between is recorded, not only the last.
            await supervisor.EvaluateAsync("""
                () => {
                    window.__renders = [];
                    new MutationObserver(() => window.__renders.push(document.querySelector('#wall-agents')?.innerText + ' | ' + document.querySelector('h1')?.innerText))
                        .observe(document.body, { subtree: true, childList: true, characterData: true });
                }
                """);
            await RaiseInSpanishAsync(() =>
            {
                var joined = Presence.OnFloor(operationId).Single(s => s.Login == "agent.devices-outbound");
                Presence.Set(joined with { State = AgentFloorState.Ready, ReasonCode = null, Since = Clock.GetUtcNow() });
            });
            await Assertions.Expect(supervisor.Locator("#wall-agent-agent\\.devices-outbound")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 30_000 });
            await Assertions.Expect(supervisor.Locator("#wall-agent-agent\\.devices-outbound")).ToContainTextAsync("Ready");
            await Assertions.Expect(supervisor.Locator("#wall-card-dialable")).ToContainTextAsync("Dialable now");
            await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync("Live wallboard");
            var renders = await supervisor.EvaluateAsync<string[]>("() => window.__renders");
            Assert.NotEmpty(renders);
            Assert.DoesNotContain(renders, r => r.Contains("Tablero en vivo", StringComparison.Ordinal) || r.Contains("Listo", StringComparison.Ordinal));
            await supervisor.SwitchLanguageAsync("es");
            await supervisor.SettleAsync();
            await agent.Locator("#desk-logout").ClickAsync();
        }
        finally
        {
            await floor.StopAsync(operationId, CancellationToken.None);
            LeaveFloor(operationId);
        }

        Assert.Empty(fixture.App.LoggedErrors);
    }

    private AgentPresence Presence => fixture.App.Services.GetRequiredService<AgentPresence>();

    private TimeProvider Clock => fixture.App.Services.GetRequiredService<TimeProvider>();

    /// <summary>Runs on this thread in Spanish, whatever the test runner's culture.</summary>
    private static async Task RaiseInSpanishAsync(Action raise)
    {
        await Task.Yield();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-CO");
        try
        {
            raise();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>Whatever happened, the agent leaves the floor, so the next test finds the desk's join button.</summary>
    private void LeaveFloor(Guid operationId)
    {
        foreach (var session in Presence.OnFloor(operationId))
        {
            Presence.Set(session with { State = AgentFloorState.LoggedOut, ReasonCode = null, Since = Clock.GetUtcNow() });
        }
    }

    /// <summary>The headline figures, the agents table and the hour-by-hour chart fit the viewport (1366×768): no vertical scroll.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var height = await page.EvaluateAsync<int>("window.innerHeight");
        foreach (var selector in new[] { "#wall-cards", "#wall-agents", "#wall-hourly" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y + box.Height <= height, $"{selector} ends at {box.Y + box.Height} px, below the {height} px viewport");
        }

        var scroll = await page.EvaluateAsync<int>("document.scrollingElement.scrollHeight");
        Assert.True(scroll <= height, $"the page scrolls: {scroll} px for a {height} px viewport");
    }

    /// <summary>devices-outbound in predictive mode on the simulator with two own leads (everyone answers, talks long); callable any day and hour.</summary>
    private async Task<Guid> SeedPredictiveCampaignAsync()
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
            TalkMeanSeconds = 900, WrapMeanSeconds = 5, PatienceSeconds = 30, Seed = 11,
        });
        await db.LeadBases.Where(b => b.OperationId == op.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LeadBaseStatus.Closed));
        await db.Segments.Where(s => s.OperationId == op.Id).ExecuteDeleteAsync();

        var leadBase = new LeadBase(op.ClientId, op.Id, "browser-wallboard-" + Guid.NewGuid().ToString("N")[..8], "wallboard.csv", time.GetUtcNow().AddMinutes(-1), null);
        db.LeadBases.Add(leadBase);
        for (var i = 0; i < 2; i++)
        {
            var lead = new Lead(op.ClientId, op.Id, leadBase.Id, "CC", (80_200_000 + i).ToString(CultureInfo.InvariantCulture), "Cliente Tablero " + (i + 1).ToString(CultureInfo.InvariantCulture), i + 2)
            {
                AttributesJson = """{"plan":"Pospago 45","equipo":"Galaxy A55","cuota":"89900","ciudad":"Cali"}""",
            };
            db.Leads.Add(lead);
            db.LeadPhones.Add(new LeadPhone(op.ClientId, op.Id, lead.Id, "+57310555020" + i.ToString(CultureInfo.InvariantCulture), 0));
        }

        await db.SaveChangesAsync();
        return op.Id;
    }
}

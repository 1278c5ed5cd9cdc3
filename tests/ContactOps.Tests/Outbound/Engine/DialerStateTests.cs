using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ContactOps.Tests.Outbound.Engine;

/// <summary>
/// "The dialer says why": the state service answers dialling, or idle with one reason and when dialling can next start,
/// on the product's clock (a FakeTimeProvider the test moves) and the campaign's legal windows (Mon–Fri 07–19, Sat 08–15).
/// </summary>
public class DialerStateTests
{
    private static readonly Guid Agent = Guid.Parse("0b6f1c2e-0000-4000-8000-0000000000d1");

    private static readonly SimulationProfile Quiet = new() { AnswerRate = 0.3, RingMeanSeconds = 5, RingTimeoutSeconds = 15, TalkMeanSeconds = 60, Seed = 3 };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_calendar_reasons_say_when_dialling_can_start_again(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app, Bogota.At(2026, 11, 24, 6, 15)); // Tuesday, before the window
        await engine.SeedAsync(DialMode.Progressive, Quiet, leads: 3);
        var text = engine.Services.GetRequiredService<IStringLocalizer<OutboundText>>();

        // Before the window: today; after hours: the next morning; Saturday afternoon skips Sunday.
        var early = await engine.StateAsync();
        Assert.Equal(("outside_hours", Bogota.At(2026, 11, 24, 7)), (early.Reason, early.NextStartAt));
        using (new UiCulture("es-CO"))
        {
            Assert.Equal("No se marca: fuera del horario de contacto. Se podrá marcar hoy a las 7:00 a. m.", Plain(DialerStateText.Sentence(early, text)));
        }

        engine.Clock.SetUtcNow(Bogota.At(2026, 11, 24, 19, 30));
        var evening = await engine.StateAsync();
        Assert.Equal(("outside_hours", Bogota.At(2026, 11, 25, 7)), (evening.Reason, evening.NextStartAt));
        engine.Clock.SetUtcNow(Bogota.At(2026, 11, 28, 15));
        var saturday = await engine.StateAsync();
        Assert.Equal(("outside_hours", Bogota.At(2026, 11, 30, 7)), (saturday.Reason, saturday.NextStartAt));

        // Sunday 29 Nov 2026, 10:00: the sentence the floor, the wallboard and the desk show, in the client's zone and the user's language.
        engine.Clock.SetUtcNow(Bogota.At(2026, 11, 29, 10));
        var sunday = await engine.StateAsync();
        Assert.False(sunday.Dialling);
        Assert.Equal("sunday", sunday.Reason);
        Assert.Equal(Bogota.At(2026, 11, 30, 7), sunday.NextStartAt);
        using (new UiCulture("es-CO"))
        {
            Assert.Equal("No se marca: domingo. Se podrá marcar el lunes 30 de noviembre a las 7:00 a. m.", Plain(DialerStateText.Sentence(sunday, text)));
        }

        using (new UiCulture("en"))
        {
            Assert.Equal("Not dialling: Sunday. Dialling can start on Monday, November 30 at 7:00 AM.", Plain(DialerStateText.Sentence(sunday, text)));
        }

        // A public holiday (8 Dec, Inmaculada Concepción) opens the next working day.
        engine.Clock.SetUtcNow(Bogota.At(2026, 12, 8, 10));
        var holiday = await engine.StateAsync();
        Assert.Equal(("holiday", Bogota.At(2026, 12, 9, 7)), (holiday.Reason, holiday.NextStartAt));

        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Stopped_no_agent_no_lead_and_closed_base_are_told_apart(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app); // Tuesday 24 Nov 2026, 10:00: the window is open
        await engine.SeedAsync(DialMode.Progressive, Quiet, leads: 3);

        var stopped = await engine.StateAsync();
        Assert.Equal(("stopped", (DateTimeOffset?)null), (stopped.Reason, stopped.NextStartAt));
        Assert.Equal(3, stopped.DialableNow);
        Assert.Equal(3, stopped.Inventory);

        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);
        await engine.Floor.IdleAsync(engine.OperationId);
        var noAgent = await engine.StateAsync();
        Assert.Equal(("no_ready_agent", (DateTimeOffset?)null), (noAgent.Reason, noAgent.NextStartAt));

        engine.Floor.AgentReady(engine.OperationId, Agent, "agent.a", "SIP/1001");
        await engine.Floor.IdleAsync(engine.OperationId);
        var dialling = await engine.StateAsync();
        Assert.True(dialling.Dialling);
        Assert.Null(dialling.Reason);

        // Every lead waits for its recycle delay: nothing to dial, and the diagnosis says why and until when.
        var back = EngineApp.Start.AddMinutes(40);
        await engine.DbAsync(db => db.Leads.Where(l => l.OperationId == engine.OperationId).ExecuteUpdateAsync(u => u.SetProperty(l => l.NextAttemptAt, back)));
        var noLead = await engine.StateAsync();
        Assert.Equal("no_dialable_lead", noLead.Reason);
        Assert.Equal(back, noLead.NextStartAt);
        Assert.Equal(0, noLead.DialableNow);
        Assert.Equal(3, noLead.Inventory);
        Assert.Equal(new ReasonCount("recycle_delay", 3), Assert.Single(noLead.LeadReasons));

        // A recycle delay ending after hours opens at the next window.
        var night = Bogota.At(2026, 11, 24, 21);
        await engine.DbAsync(db => db.Leads.Where(l => l.OperationId == engine.OperationId).ExecuteUpdateAsync(u => u.SetProperty(l => l.NextAttemptAt, night)));
        Assert.Equal(Bogota.At(2026, 11, 25, 7), (await engine.StateAsync()).NextStartAt);

        await engine.DbAsync(db => db.LeadBases.Where(b => b.OperationId == engine.OperationId).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, Modules.Outbound.LeadBaseStatus.Closed)));
        var closed = await engine.StateAsync();
        Assert.Equal(("base_closed", (DateTimeOffset?)null), (closed.Reason, closed.NextStartAt));

        await engine.Floor.StopAsync(engine.OperationId, CancellationToken.None);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Campaign_settings_refuse_what_the_law_forbids(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var http = await app.ClientForAsync("supervisor.devices-outbound");
        const string Url = "/api/v1/outbound/campaign?operation=devices-outbound";
        var legal = new Dictionary<string, object[]>
        {
            ["Monday"] = [new { start = "08:00", end = "18:00" }],
            ["Saturday"] = [new { start = "08:00", end = "15:00" }],
        };

        async Task<(HttpStatusCode Status, string? Code, string Detail)> PutAsync(Dictionary<string, object[]> windows, bool holidays = true, string? culture = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, Url)
            {
                Content = JsonContent.Create(new
                {
                    windows, noCallsOnHolidays = holidays, maxContactsPerDay = 1, oneChannelPerWeek = true, maxAttemptsPerDay = 3, maxAttemptsTotal = 10,
                    recycleMinutes = new Dictionary<string, int>(), dialMode = "Progressive", powerRatio = 1.5, abandonTarget = 0.03, wrapUpLimitSeconds = 60,
                }),
            };
            if (culture is not null)
            {
                request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={culture}|uic={culture}"));
            }

            var response = await http.SendAsync(request);
            var body = await Demo.JsonAsync(response);
            return (response.StatusCode, body.TryGetProperty("code", out var c) ? c.GetString() : null, body.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "");
        }

        // Wider than the law on a weekday, any window on Sunday, calling on holidays: refused with a stable code.
        var early = await PutAsync(new() { ["Monday"] = [new { start = "06:00", end = "12:00" }] });
        Assert.Equal((HttpStatusCode.BadRequest, "campaign.window_outside_law"), (early.Status, early.Code));
        Assert.Contains("El horario legal prevalece", early.Detail, StringComparison.Ordinal);
        Assert.Contains("07:00–19:00", early.Detail, StringComparison.Ordinal);
        var english = await PutAsync(new() { ["Saturday"] = [new { start = "08:00", end = "17:00" }] }, culture: "en");
        Assert.Equal((HttpStatusCode.BadRequest, "campaign.window_outside_law"), (english.Status, english.Code));
        Assert.Contains("The legal hours win", english.Detail, StringComparison.Ordinal);
        var sunday = await PutAsync(new(legal) { ["Sunday"] = [new { start = "09:00", end = "12:00" }] });
        Assert.Equal((HttpStatusCode.BadRequest, "campaign.day_forbidden_by_law"), (sunday.Status, sunday.Code));
        Assert.Contains("domingo", sunday.Detail, StringComparison.Ordinal);
        var holidays = await PutAsync(legal, holidays: false);
        Assert.Equal((HttpStatusCode.BadRequest, "campaign.holidays_forbidden_by_law"), (holidays.Status, holidays.Code));

        // Nothing of that was saved; a narrower window is, and what is saved is what applies.
        var before = await Demo.JsonAsync(await http.GetAsync(Url));
        Assert.Equal("07:00", before.GetProperty("windows").GetProperty("Monday")[0].GetProperty("start").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(legal)).Status);
        var saved = await Demo.JsonAsync(await http.GetAsync(Url));
        Assert.Equal("08:00", saved.GetProperty("effectiveWindows").GetProperty("Monday")[0].GetProperty("start").GetString());
        Assert.Equal("18:00", saved.GetProperty("windows").GetProperty("Monday")[0].GetProperty("end").GetString());
        Assert.False(saved.GetProperty("effectiveWindows").TryGetProperty("Sunday", out _));
        Assert.False(saved.GetProperty("legalWindows").TryGetProperty("Sunday", out _));
        Assert.True(saved.GetProperty("holidaysForbiddenByLaw").GetBoolean());
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>ICU writes "7:00 a. m." with no-break spaces: compared as plain spaces.</summary>
    private static string? Plain(string? text) => text?.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>Sets the current (UI and format) culture for a block.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public UiCulture(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}

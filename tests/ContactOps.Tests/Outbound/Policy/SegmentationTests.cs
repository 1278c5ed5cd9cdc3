using System.Net;
using System.Net.Http.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Interactions;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Outbound.Policy;

/// <summary>Segment rules, the live preview, applying the segmentation, the dialable-inventory diagnosis and the campaign settings API.</summary>
public class SegmentationTests
{
    private static readonly DateTimeOffset Monday10 = Bogota.At(2026, 11, 23, 10);

    private static readonly object[] Segments =
    [
        new
        {
            name = "Pospago alto cupo", priority = 1, mixPercent = 60, isActive = true,
            rules = new object[]
            {
                new { field = "plan", match = "In", values = new[] { "Pospago", "Pospago Plus" } },
                new { field = "cupo", match = "Range", min = "500000" },
            },
        },
        new
        {
            name = "Renovación próxima", priority = 2, mixPercent = 20, isActive = true,
            rules = new object[] { new { field = "fin_contrato", match = "DateRelative", days = 30 } },
        },
        new
        {
            name = "Medellín sin equipo", priority = 3, mixPercent = 20, isActive = true,
            rules = new object[] { new { field = "ciudad", match = "Equals", value = "medellin" }, new { field = "equipo", match = "IsEmpty" } },
        },
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Preview_apply_and_diagnosis_count_crafted_leads(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var clocked = ClockedApp.Start(app, Monday10);
        await clocked.DbAsync(async db =>
        {
            await PolicyKit.IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "Base segmentos");
            var n = 0;
            string Phone() => "+57310557" + (n++).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

            // Pospago alto cupo: 4 (one of them also renewing: the first segment by priority wins).
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Pospago","cupo":"800000","ciudad":"Bogotá"}""");
            PolicyKit.Lead(db, b, Phone(), """{"plan":"pospago plus","cupo":"500000"}""", l => l.IsFinal = true);
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Pospago","cupo":"1200000","fin_contrato":"2026-12-01"}""", l => l.Attempts = 10);
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Pospago","cupo":"600000"}""", l => l.NextAttemptAt = Monday10.AddHours(1));
            // Renovación próxima: 2 (today+30 is inside; today+31 is not).
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Pospago","cupo":"499999","fin_contrato":"2026-12-23"}""", l => l.IsExcluded = true);
            var cb = PolicyKit.Lead(db, b, Phone(), """{"plan":"Prepago","fin_contrato":"2026-11-23"}""");
            db.Callbacks.Add(new Callback(b.ClientId, b.OperationId, cb.Id, Monday10.AddHours(3), null, null, null));
            // Medellín sin equipo: 1 (accent and case ignored; equipo empty or missing).
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Prepago","ciudad":"Medellín","equipo":""}""");
            // No segment: 3.
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Prepago","ciudad":"Medellín","equipo":"A15"}""");
            PolicyKit.Lead(db, b, Phone(), """{"plan":"Prepago","fin_contrato":"2026-12-24"}""");
            var dnc = Phone();
            PolicyKit.Lead(db, b, dnc, """{"plan":"Prepago"}""");
            PolicyKit.Dnc(db, b, dnc);
            await db.SaveChangesAsync();
            return 0;
        });

        await using var web = PolicyKit.Clocked(app, clocked.Clock);
        var http = await PolicyKit.LoginAsync(web, "supervisor.devices-outbound");

        var preview = await http.PostAsJsonAsync("/api/v1/outbound/segments/preview?operation=devices-outbound", Segments);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var counts = await Demo.JsonAsync(preview);
        Assert.Equal(10, counts.GetProperty("total").GetInt32());
        Assert.Equal([4, 2, 1], counts.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("leads").GetInt32()));
        Assert.Equal(3, counts.GetProperty("unsegmented").GetInt32());

        // The mix must add up to 100.
        var bad = await http.PutAsJsonAsync("/api/v1/outbound/segments?operation=devices-outbound", new[] { new { name = "Solo", priority = 1, mixPercent = 70, isActive = true, rules = Array.Empty<object>() } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sumar 100", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/v1/outbound/segments?operation=devices-outbound", Segments)).StatusCode);
        var applied = await http.PostAsync("/api/v1/outbound/segments/apply?operation=devices-outbound", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(7, (await Demo.JsonAsync(applied)).GetProperty("changed").GetInt32());
        var stored = await clocked.DbAsync(db => db.Leads.Where(l => l.SegmentId != null).Join(db.Segments, l => l.SegmentId, s => s.Id, (l, s) => s.Name).ToListAsync());
        Assert.Equal(4, stored.Count(s => s == "Pospago alto cupo"));
        Assert.Equal(2, stored.Count(s => s == "Renovación próxima"));
        Assert.Equal(1, stored.Count(s => s == "Medellín sin equipo"));

        // Diagnosis at Monday 10:00: each lead under its first blocking reason.
        var diagnosis = await Demo.JsonAsync(await http.GetAsync("/api/v1/outbound/diagnosis?operation=devices-outbound"));
        Assert.True(diagnosis.GetProperty("windowOpen").GetBoolean());
        var rows = diagnosis.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("segment").GetString()!);
        var high = rows["Pospago alto cupo"];
        Assert.Equal((4, 1, 1, 1, 1), (high.GetProperty("total").GetInt32(), high.GetProperty("dialable").GetInt32(), high.GetProperty("finalDisposition").GetInt32(), high.GetProperty("attemptsExhausted").GetInt32(), high.GetProperty("recycleDelay").GetInt32()));
        var renew = rows["Renovación próxima"];
        Assert.Equal((2, 0, 1, 1), (renew.GetProperty("total").GetInt32(), renew.GetProperty("dialable").GetInt32(), renew.GetProperty("excluded").GetInt32(), renew.GetProperty("callbackScheduled").GetInt32()));
        var none = rows["Sin segmento"];
        Assert.Equal((3, 2, 1), (none.GetProperty("total").GetInt32(), none.GetProperty("dialable").GetInt32(), none.GetProperty("excluded").GetInt32()));
        Assert.Equal(4, diagnosis.GetProperty("total").GetProperty("dialable").GetInt32());

        // At 19:00 every lead otherwise dialable is outside contact hours.
        var eveningResponse = await http.GetAsync("/api/v1/outbound/diagnosis?operation=devices-outbound&at=" + Uri.EscapeDataString("2026-11-23T19:00:00-05:00"));
        Assert.True(eveningResponse.StatusCode == HttpStatusCode.OK, await eveningResponse.Content.ReadAsStringAsync() + string.Join('\n', app.LoggedErrors));
        var evening = await Demo.JsonAsync(eveningResponse);
        Assert.False(evening.GetProperty("windowOpen").GetBoolean());
        Assert.Equal("outside_hours", evening.GetProperty("windowReason").GetString());
        Assert.Equal(0, evening.GetProperty("total").GetProperty("dialable").GetInt32());
        // The 4 dialable at 10:00, plus the lead whose recycle delay ended at 11:00 and the one whose callback fell due at 13:00.
        Assert.Equal(6, evening.GetProperty("total").GetProperty("outsideHours").GetInt32());

        var agent = await PolicyKit.LoginAsync(web, "agent.devices-outbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/outbound/segments?operation=devices-outbound", Segments)).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Campaign_settings_are_validated_against_the_catalog_and_drive_the_policy(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var http = await app.ClientForAsync("supervisor.devices-outbound");
        var settings = await Demo.JsonAsync(await http.GetAsync("/api/v1/outbound/campaign?operation=devices-outbound"));
        Assert.Equal("07:00", settings.GetProperty("windows").GetProperty("Monday")[0].GetProperty("start").GetString());
        Assert.Equal("15:00", settings.GetProperty("windows").GetProperty("Saturday")[0].GetProperty("end").GetString());
        Assert.False(settings.GetProperty("windows").TryGetProperty("Sunday", out _));

        var invalid = await http.PutAsJsonAsync("/api/v1/outbound/campaign?operation=devices-outbound", new
        {
            windows = new Dictionary<string, object[]> { ["Monday"] = [new { start = "19:00", end = "07:00" }] },
            maxContactsPerDay = 1, maxAttemptsPerDay = 3, maxAttemptsTotal = 10,
            recycleMinutes = new Dictionary<string, int> { ["NO_EXISTE"] = 10 },
            dialMode = "Turbo", powerRatio = 1.5, abandonTarget = 0.03, wrapUpLimitSeconds = 90,
            wrapUpDefaultDisposition = "VENTA",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("NO_EXISTE", problem, StringComparison.Ordinal);
        Assert.Contains("dialMode", problem, StringComparison.Ordinal);
        Assert.Contains("wrapUpDefaultDisposition", problem, StringComparison.Ordinal);
        Assert.Contains("posterior", problem, StringComparison.Ordinal);

        // An operation may narrow its own windows (widening past the law is refused: DialerStateTests): Monday 08:00–12:00.
        var ok = await http.PutAsJsonAsync("/api/v1/outbound/campaign?operation=devices-outbound", new
        {
            windows = new Dictionary<string, object[]> { ["Monday"] = [new { start = "08:00", end = "12:00" }] },
            noCallsOnHolidays = true, maxContactsPerDay = 1, oneChannelPerWeek = true, maxAttemptsPerDay = 3, maxAttemptsTotal = 10,
            recycleMinutes = new Dictionary<string, int> { ["NO_CONTESTA"] = 120, ["OCUPADO"] = 15 },
            dialMode = "Progressive", powerRatio = 1.5, abandonTarget = 0.03, wrapUpLimitSeconds = 60,
            wrapUpDefaultDisposition = "NO_CONTESTA",
            pauseReasons = new[] { new { code = "break", name = "Descanso", minutes = 15 } },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var check = await Demo.JsonAsync(await http.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550101&at=" + Uri.EscapeDataString("2026-11-23T08:30:00-05:00")));
        Assert.True(check.GetProperty("allowed").GetBoolean());
        var beforeWindow = await Demo.JsonAsync(await http.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550101&at=" + Uri.EscapeDataString("2026-11-23T07:30:00-05:00")));
        Assert.Equal("outside_hours", beforeWindow.GetProperty("reasons")[0].GetString());
        var tuesday = await Demo.JsonAsync(await http.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550101&at=" + Uri.EscapeDataString("2026-11-24T10:00:00-05:00")));
        Assert.Equal("outside_hours", tuesday.GetProperty("reasons")[0].GetString());

        var agent = await app.ClientForAsync("agent.devices-outbound");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/outbound/campaign?operation=devices-outbound")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/outbound/campaign?operation=devices-outbound", new { dialMode = "Preview" })).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }
}

using System.Net;
using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Outbound.Policy;

/// <summary>The contact policy's boundaries exactly as issue 4 lists them, through the service and through `contact-policy check --json`.</summary>
public class ContactPolicyTests
{
    // A number in no base and no list: only the calendar rules apply. 2026-11-23 is a Monday, 2026-11-28 a Saturday.
    [Theory]
    [InlineData(Provider.Sqlite, "2026-11-24T06:59:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Postgres, "2026-11-24T06:59:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Sqlite, "2026-11-24T07:00:00-05:00", true, "")]
    [InlineData(Provider.Postgres, "2026-11-24T07:00:00-05:00", true, "")]
    [InlineData(Provider.Sqlite, "2026-11-24T18:59:00-05:00", true, "")]
    [InlineData(Provider.Postgres, "2026-11-24T18:59:00-05:00", true, "")]
    [InlineData(Provider.Sqlite, "2026-11-24T19:00:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Postgres, "2026-11-24T19:00:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Sqlite, "2026-11-28T07:59:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Postgres, "2026-11-28T08:00:00-05:00", true, "")]
    [InlineData(Provider.Sqlite, "2026-11-28T14:59:00-05:00", true, "")]
    [InlineData(Provider.Postgres, "2026-11-28T14:59:00-05:00", true, "")]
    [InlineData(Provider.Sqlite, "2026-11-28T15:00:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Postgres, "2026-11-28T15:00:00-05:00", false, "outside_hours")]
    [InlineData(Provider.Sqlite, "2026-11-29T10:00:00-05:00", false, "sunday")]
    [InlineData(Provider.Postgres, "2026-11-29T10:00:00-05:00", false, "sunday")]
    // Holiday Mondays (Ley Emiliani): Reyes Magos moved to 12 Jan 2026; 11 Nov moved to 16 Nov 2026.
    [InlineData(Provider.Sqlite, "2026-01-12T10:00:00-05:00", false, "holiday")]
    [InlineData(Provider.Postgres, "2026-01-12T10:00:00-05:00", false, "holiday")]
    [InlineData(Provider.Sqlite, "2026-11-16T10:00:00-05:00", false, "holiday")]
    // The instant is what counts, whatever offset it is written in: 12:00Z is 07:00 in Bogotá.
    [InlineData(Provider.Postgres, "2026-11-24T12:00:00Z", true, "")]
    [InlineData(Provider.Sqlite, "2026-11-24T11:59:00Z", false, "outside_hours")]
    public async Task Calendar_boundaries_through_the_cli(Provider provider, string at, bool allowed, string reasons)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "contact-policy", "check", "--operation", PolicyKit.Operation, "--phone", "310 555 0101", "--at", at, "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(allowed, json.RootElement.GetProperty("allowed").GetBoolean());
        Assert.Equal(reasons, string.Join(',', json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));

        // Every refusal is logged with its reasons.
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logged = await db.PolicyRefusals.Where(r => r.PhoneE164 == "+573105550101").Select(r => r.Reasons).ToListAsync();
        Assert.Equal(allowed ? [] : [reasons], logged);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Lists_contacts_and_lead_limits_refuse_with_their_codes(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var monday10 = DateTimeOffset.Parse("2026-11-23T10:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var b = await PolicyKit.AddBaseAsync(db, "Base política");
            var contacted = PolicyKit.Lead(db, b, "+573105550201");
            PolicyKit.Contact(db, b, contacted.Id, "+573105550201", monday10.AddHours(-2)); // 08:00 today: a contact
            PolicyKit.Lead(db, b, "+573105550202");
            PolicyKit.Contact(db, b, null, "+573105550202", monday10.AddDays(-1).AddHours(-1)); // Sunday… yesterday: another day
            PolicyKit.Contact(db, b, null, "+573105550203", monday10.AddHours(-1), source: AttemptSource.Imported); // imported, by phone only
            PolicyKit.Contact(db, b, null, "+573105550204", monday10.AddHours(-1), code: "NO_CONTESTA"); // not a contact
            PolicyKit.Dnc(db, b, "+573105550205");
            PolicyKit.Lead(db, b, "+573105550206", configure: l => { l.AttemptsToday = 3; l.AttemptsDay = new DateOnly(2026, 11, 23); l.Attempts = 3; });
            PolicyKit.Lead(db, b, "+573105550207", configure: l => { l.AttemptsToday = 3; l.AttemptsDay = new DateOnly(2026, 11, 22); l.Attempts = 3; });
            PolicyKit.Lead(db, b, "+573105550208", configure: l => l.Attempts = 10);
            PolicyKit.Lead(db, b, "+573105550209", configure: l => l.NextAttemptAt = monday10.AddMinutes(1));
            PolicyKit.Lead(db, b, "+573105550210", configure: l => l.NextAttemptAt = monday10);
            PolicyKit.Lead(db, b, "+573105550211", configure: l => l.IsFinal = true);
            PolicyKit.Lead(db, b, "+573105550212", phoneUnusable: true);
            PolicyKit.Contact(db, b, null, "+573105550213", monday10.AddHours(-2), channel: "whatsapp"); // Monday 08:00, same ISO week as Wednesday
            PolicyKit.Contact(db, b, null, "+573105550214", monday10.AddDays(-3), channel: "whatsapp"); // Friday, previous ISO week
            await db.SaveChangesAsync();
            await PolicyKit.RegistryAsync(db, ("+573105550220", ExclusionChannels.Calls | ExclusionChannels.Sms), ("+573105550221", ExclusionChannels.Sms));
        }

        async Task<string> Check(string phone, string at = "2026-11-23T10:00:00-05:00")
        {
            var (exit, output, error) = await CalendarCliTests.RunAsync(app, "contact-policy", "check", "--operation", PolicyKit.Operation, "--phone", phone, "--at", at, "--json");
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            var reasons = string.Join(',', json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(reasons.Length == 0, json.RootElement.GetProperty("allowed").GetBoolean());
            return reasons;
        }

        Assert.Equal("daily_contact_limit", await Check("3105550201"));
        Assert.Equal("", await Check("3105550201", "2026-11-24T08:00:00-05:00")); // next day
        Assert.Equal("", await Check("3105550202"));
        Assert.Equal("daily_contact_limit", await Check("3105550203"));
        Assert.Equal("", await Check("3105550204"));
        Assert.Equal("dnc", await Check("3105550205"));
        Assert.Equal("daily_attempt_limit", await Check("3105550206"));
        Assert.Equal("", await Check("3105550207")); // yesterday's attempts don't count today
        Assert.Equal("attempt_limit", await Check("3105550208"));
        Assert.Equal("recycle_delay", await Check("3105550209"));
        Assert.Equal("", await Check("3105550210"));
        Assert.Equal("final_disposition", await Check("3105550211"));
        Assert.Equal("number_unusable", await Check("3105550212"));
        Assert.Equal("weekly_channel", await Check("3105550213", "2026-11-25T10:00:00-05:00"));
        Assert.Equal("", await Check("3105550214"));
        Assert.Equal("excluded_registry", await Check("3105550220"));
        Assert.Equal("", await Check("3105550221")); // registered for SMS only
        Assert.Equal("sunday,dnc", await Check("3105550205", "2026-11-29T10:00:00-05:00")); // every reason that applies

        // The same through the service (the dialer's entry point) and the API.
        await using (var scope = app.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var policy = scope.ServiceProvider.GetRequiredService<IContactPolicy>();
            var (opId, _) = await PolicyKit.OperationAsync(db);
            var lead = await db.LeadPhones.Where(p => p.E164 == "+573105550201").Select(p => p.LeadId).SingleAsync();
            var decision = await policy.CheckAsync(opId, "+573105550201", lead, monday10, CallOrigin.Dialer, default);
            Assert.Equal(["daily_contact_limit"], decision.Reasons);
            Assert.Contains(await db.PolicyRefusals.Where(r => r.LeadId == lead).Select(r => r.Origin).ToListAsync(), o => o == CallOrigin.Dialer);
        }

        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");
        var response = await supervisor.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550206&at=" + Uri.EscapeDataString("2026-11-23T10:00:00-05:00"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Demo.JsonAsync(response);
        Assert.False(body.GetProperty("allowed").GetBoolean());
        Assert.Equal("daily_attempt_limit", body.GetProperty("reasons")[0].GetString());

        var outsider = await app.ClientForAsync("agent.premium-sales");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550206&at=2026-11-23T10:00:00-05:00")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/outbound/policy/check?operation=devices-outbound&phone=3105550206&at=2026-11-23T10:00:00")).StatusCode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Bad_input_exits_2_with_a_spanish_message(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var noOffset = await CalendarCliTests.RunAsync(app, "contact-policy", "check", "--operation", PolicyKit.Operation, "--phone", "3105550101", "--at", "2026-11-24T10:00:00");
        Assert.Equal(2, noOffset.Exit);
        Assert.Contains("zona horaria", noOffset.Err, StringComparison.Ordinal);

        var badPhone = await CalendarCliTests.RunAsync(app, "contact-policy", "check", "--operation", PolicyKit.Operation, "--phone", "12", "--at", "2026-11-24T10:00:00-05:00", "--json");
        Assert.Equal(2, badPhone.Exit);
        Assert.Contains("policy.phone_invalid", badPhone.Out, StringComparison.Ordinal);

        var badOp = await CalendarCliTests.RunAsync(app, "contact-policy", "check", "--operation", "nope", "--phone", "3105550101", "--at", "2026-11-24T10:00:00-05:00");
        Assert.Equal(2, badOp.Exit);
        Assert.Contains("No existe la operación", badOp.Err, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Policy;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ContactOps.Tests.Outbound.Stats.StatsKit;

namespace ContactOps.Tests.Outbound.Stats;

/// <summary>
/// The KPIs, goals and hour-by-hour report on a hand-built data set of devices-outbound (demo isolated). Agent A
/// (agent.devices-outbound) is in team «Norte», agent B (backoffice.devices-outbound) in team «Sur».
/// </summary>
public class KpiTests
{
    private const string A = "agent.devices-outbound";
    private const string B = "backoffice.devices-outbound";
    private const string C = "qualityanalyst.devices-outbound";

    /// <summary>
    /// Monday 23 and Tuesday 24 November 2026 (Bogotá), ten attempts:
    /// 23rd: A 09:10 VENTA (L1), A 09:20 NO_INTERESADO (L2), A 10:05 NO_TITULAR (L3), — 10:30 BUZON (L4), — 11:00 NO_CONTESTA (L5), B 11:15 VOLVER_A_LLAMAR (L6);
    /// 24th: B 09:00 VENTA (L1), B 09:30 DNC (L2), — 09:45 answered without disposition, — 10:00 machine without disposition;
    /// 25th (outside the period): A 09:00 VENTA (L7). Open base of 8 leads (L1–L8) received long before; a closed base of
    /// 5 leads and an open base received on the 26th (3 leads) do not count. Goals: weekday 12 (demo), the 24th overridden to 20.
    /// Presence on the 23rd: A ready 08:55 → logged out 10:20; B ready 09:30 → logged out 09:50; C ready 11:40.
    /// Campaign window on Mondays: 09:00–12:00.
    /// </summary>
    internal static async Task<Guid> SeedAsync(TestApp app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await IsolateAsync(db);
        var (opId, clientId) = await PolicyKit.OperationAsync(db);
        var traits = (await OperationCatalog.DispositionTraitsAsync(db, opId, default)).ToDictionary(t => t.Code);

        var north = new Team(clientId, opId, "Norte");
        var south = new Team(clientId, opId, "Sur");
        db.Teams.AddRange(north, south);
        var users = await db.Users.Where(u => u.UserName == A || u.UserName == B || u.UserName == C).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        foreach (var m in await db.Memberships.Where(m => m.OperationId == opId && (m.UserId == users[A] || m.UserId == users[B])).ToListAsync())
        {
            m.Change(m.Role, m.UserId == users[A] ? north.Id : south.Id);
        }

        var campaign = await db.OutboundCampaigns.SingleAsync(c => c.OperationId == opId);
        campaign.ContactWindowsJson = """{"Monday":[["09:00","12:00"]],"Tuesday":[["09:00","12:00"]]}""";
        campaign.WeekdayGoalsJson = """{"Monday":12,"Tuesday":12,"Wednesday":12,"Thursday":12,"Friday":12,"Saturday":6}""";
        db.DailySalesGoals.Add(new DailySalesGoal(clientId, opId, new DateOnly(2026, 11, 24), 20));

        var open = await PolicyKit.AddBaseAsync(db, "kpi-open");
        var leads = Enumerable.Range(1, 8).Select(i => PolicyKit.Lead(db, open, $"+5730022200{i:00}")).ToArray();
        var closed = await PolicyKit.AddBaseAsync(db, "kpi-closed");
        closed.Status = LeadBaseStatus.Closed;
        for (var i = 1; i <= 5; i++)
        {
            PolicyKit.Lead(db, closed, $"+5730033300{i:00}");
        }

        var late = new LeadBase(clientId, opId, "kpi-late", "late.csv", Local(2026, 11, 26, 8), null);
        db.LeadBases.Add(late);
        for (var i = 1; i <= 3; i++)
        {
            PolicyKit.Lead(db, late, $"+5730044400{i:00}");
        }

        await db.SaveChangesAsync();

        void Attempt(Lead? lead, string? agent, DateTimeOffset at, string? code, CallResult result = CallResult.Answered)
        {
            var attempt = lead is null
                ? db.CallAttempts.Add(new CallAttempt(clientId, opId, null, "+573005550000", DialMode.Predictive, at, AttemptSource.ContactOps)).Entity
                : LeadOutcomes.StartAttempt(db, lead, "+57300222000" + lead.Document[^1..], DialMode.Predictive, at, DateOnly.FromDateTime(at.DateTime), AttemptSource.ContactOps);
            attempt.Result = result;
            attempt.AgentLogin = agent;
            if (code is not null)
            {
                attempt.DispositionId = traits[code].Id;
                attempt.DispositionCode = code;
            }
        }

        Attempt(leads[0], A, Local(2026, 11, 23, 9, 10), "VENTA");
        Attempt(leads[1], A, Local(2026, 11, 23, 9, 20), "NO_INTERESADO");
        Attempt(leads[2], A, Local(2026, 11, 23, 10, 5), "NO_TITULAR");
        Attempt(leads[3], null, Local(2026, 11, 23, 10, 30), "BUZON", CallResult.Machine);
        Attempt(leads[4], null, Local(2026, 11, 23, 11, 0), "NO_CONTESTA", CallResult.NoAnswer);
        Attempt(leads[5], B, Local(2026, 11, 23, 11, 15), "VOLVER_A_LLAMAR");
        Attempt(leads[0], B, Local(2026, 11, 24, 9, 0), "VENTA");
        Attempt(leads[1], B, Local(2026, 11, 24, 9, 30), "DNC");
        Attempt(null, null, Local(2026, 11, 24, 9, 45), null);
        Attempt(null, null, Local(2026, 11, 24, 10, 0), null, CallResult.Machine);
        Attempt(leads[6], A, Local(2026, 11, 25, 9, 0), "VENTA");

        void State(string login, AgentFloorState state, DateTimeOffset at) => db.AgentStateChanges.Add(new ContactOps.Modules.Outbound.AgentStateChange(clientId, opId, users[login], login, state, null, at));
        State(A, AgentFloorState.Ready, Local(2026, 11, 23, 8, 55));
        State(A, AgentFloorState.LoggedOut, Local(2026, 11, 23, 10, 20));
        State(B, AgentFloorState.Ready, Local(2026, 11, 23, 9, 30));
        State(B, AgentFloorState.LoggedOut, Local(2026, 11, 23, 9, 50));
        State(C, AgentFloorState.Ready, Local(2026, 11, 23, 11, 40));
        await db.SaveChangesAsync();
        return opId;
    }

    private static async Task<OutboundKpis> KpisAsync(TestApp app, Guid opId, OutboundFilter filter, string from = "2026-11-23", string to = "2026-11-24")
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboundReports>().KpisAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), opId, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), filter, default);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Each_kpi_equals_the_hand_computed_figure(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var opId = await SeedAsync(app);

        // 10 attempts; answered 7 (machine and no-answer excluded, the undisposed answered call counts); contacts 5; effective 2; sales 2.
        // Goal 12 + 20 = 32; leads received 8 (open base only), worked 6 (L1–L6; L7's first attempt is on the 25th).
        Assert.Equal(new OutboundKpis(10, 7, 5, 2, 2, 8, 6, 32, 0.2m, 0.7m, 0.75m, 0.0625m, 0.4m), await KpisAsync(app, opId, OutboundFilter.None));

        // Team Norte = A: attempts 3, answered 3, contacts 2, effective 1, sales 1.
        Guid north;
        await using (var scope = app.SystemScope())
        {
            north = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.Where(t => t.OperationId == opId && t.Name == "Norte").Select(t => t.Id).SingleAsync();
        }

        Assert.Equal(new OutboundKpis(3, 3, 2, 1, 1, 8, 6, 32, 0.333333m, 1m, 0.75m, 0.03125m, 0.5m), await KpisAsync(app, opId, new OutboundFilter(TeamId: north)));

        // Agent B: attempts 3, answered 3, contacts 3, effective 1, sales 1.
        Assert.Equal(new OutboundKpis(3, 3, 3, 1, 1, 8, 6, 32, 0.333333m, 1m, 0.75m, 0.03125m, 0.333333m), await KpisAsync(app, opId, new OutboundFilter(AgentLogin: B)));

        // One day, the 25th: L7 now worked (7 of 8), one sale of one attempt, goal 12.
        Assert.Equal(new OutboundKpis(1, 1, 1, 1, 1, 8, 7, 12, 1m, 1m, 0.875m, 0.083333m, 1m), await KpisAsync(app, opId, OutboundFilter.None, "2026-11-25", "2026-11-25"));

        // No attempts (a Sunday): every ratio is 0, not an error.
        var sunday = await KpisAsync(app, opId, OutboundFilter.None, "2026-11-29", "2026-11-29");
        Assert.Equal((0L, 0L, 0m, 0m, 0m), (sunday.Attempts, sunday.Goal, sunday.Effectiveness, sunday.GoalAttainment, sunday.EffectiveContactRate));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_goal_is_the_sum_of_weekday_goals_and_overrides(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var opId = await SeedAsync(app);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Mon 23 → Sun 29: 12 + 20 (override) + 12 + 12 + 12 + 6 (Saturday) + 0 (Sunday) = 74.
        Assert.Equal(74, await SalesGoals.SumAsync(db, opId, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), default));
        var days = await SalesGoals.ByDayAsync(db, opId, new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 30), default);
        Assert.Equal([6, 0, 12], days.OrderBy(d => d.Key).Select(d => d.Value));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Hourly_report_rows_agents_and_projection_are_hand_computed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var opId = await SeedAsync(app);
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // A past day (the test's clock is after it). Window 09:00–12:00 (3 h), goal 12.
        // 09: attempts 2, answered 2, contacts 2, sales 1; agents max(stats {A}, presence {A, B}) = 2 → 0.5 sales/agent-hour;
        //     projected 1 ÷ 1 h × 3 h = 3.
        // 10: attempts 2, answered 1; agents max({A}, {A until 10:20}) = 1; projected 1 ÷ 2 × 3 = 1.5.
        // 11: attempts 2, answered 1, contacts 1; agents max({B}, {C from 11:40}) = 1; projected 1 ÷ 3 × 3 = 1.
        var after = new OutboundReports(new FakeTimeProvider(Local(2026, 11, 30, 0)));
        var report = await after.HourlyAsync(db, opId, new DateOnly(2026, 11, 23), default);
        Assert.Equal(12, report.Goal);
        Assert.Equal(
        [
            new HourlyRow("09:00", 2, 2, 2, 1, 2, 0.5m, 1, 0.083333m, 3m),
            new HourlyRow("10:00", 2, 1, 0, 0, 1, 0m, 1, 0.083333m, 1.5m),
            new HourlyRow("11:00", 2, 1, 1, 0, 1, 0m, 1, 0.083333m, 1m),
        ], report.Rows);

        // Live during the day, at 10:30: the current hour counts 1.5 h elapsed (1 ÷ 1.5 × 3 = 2), the hour ahead carries 2.
        var live = await new OutboundReports(new FakeTimeProvider(Local(2026, 11, 23, 10, 30))).HourlyAsync(db, opId, new DateOnly(2026, 11, 23), default);
        Assert.Equal([3m, 2m, 2m], live.Rows.Select(r => r.ProjectedClose));

        // A Sunday without window and without attempts: no rows; the 25th (Wednesday, no window in this campaign) lists its attempts' hour.
        Assert.Empty((await after.HourlyAsync(db, opId, new DateOnly(2026, 11, 29), default)).Rows);
        var wednesday = await after.HourlyAsync(db, opId, new DateOnly(2026, 11, 25), default);
        Assert.Equal([new HourlyRow("09:00", 1, 1, 1, 1, 1, 1m, 1, 0.083333m, 1m)], wednesday.Rows);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Cli_and_api_answer_the_issue_shapes_and_validate(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);

        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-23", "--to", "2026-11-24", "--json");
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(
                ["attempts", "answered", "contacts", "effectiveContacts", "sales", "leadsReceived", "leadsWorked", "goal", "effectiveness", "contactability", "baseCoverage", "goalAttainment", "effectiveContactRate"],
                json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(10, json.RootElement.GetProperty("attempts").GetInt64());
            Assert.Equal(0.0625m, json.RootElement.GetProperty("goalAttainment").GetDecimal());
        }

        (exit, output, error) = await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-23", "--to", "2026-11-24", "--team", "Norte", "--json");
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(3, json.RootElement.GetProperty("attempts").GetInt64());
        }

        (exit, output, error) = await CalendarCliTests.RunAsync(app, "report", "hourly", "--operation", "devices-outbound", "--date", "2026-11-23", "--format", "json");
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal("2026-11-23", json.RootElement.GetProperty("date").GetString());
            var first = json.RootElement.GetProperty("rows")[0];
            Assert.Equal(
                ["hour", "attempts", "answered", "contacts", "sales", "agents", "salesPerAgentHour", "cumulativeSales", "cumulativeGoalAttainment", "projectedClose"],
                first.EnumerateObject().Select(p => p.Name));
            Assert.Equal("09:00", first.GetProperty("hour").GetString());
            Assert.Equal(3m, first.GetProperty("projectedClose").GetDecimal());
        }

        (exit, output, _) = await CalendarCliTests.RunAsync(app, "report", "hourly", "--operation", "devices-outbound", "--date", "2026-11-23", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("hour,attempts,answered,contacts,sales,agents,salesPerAgentHour,cumulativeSales,cumulativeGoalAttainment,projectedClose", lines[0]);
        Assert.Equal("09:00,2,2,2,1,2,0.5,1,0.083333,3", lines[1]);
        Assert.Equal(4, lines.Length);

        // Validation: bad date, from after to, unknown team, unknown operation, bad format → exit 2.
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "devices-outbound", "--from", "23/11/2026", "--to", "2026-11-24")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-25", "--to", "2026-11-24")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "devices-outbound", "--from", "2026-11-23", "--to", "2026-11-24", "--team", "Nadie")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "no-existe", "--from", "2026-11-23", "--to", "2026-11-24")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "hourly", "--operation", "devices-outbound", "--date", "2026-11-23", "--format", "xml")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "report", "kpis", "--operation", "premium-sales", "--from", "2026-11-23", "--to", "2026-11-24")).Exit);

        // API: a supervisor of the operation reads the same figures; an agent is refused; a bad date is a 400.
        var supervisor = await app.ClientForAsync("supervisor.devices-outbound");
        var kpis = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/reports/kpis?operation=devices-outbound&from=2026-11-23&to=2026-11-24&agent=" + B);
        Assert.Equal(3, kpis.GetProperty("attempts").GetInt64());
        Assert.Equal(0.333333m, kpis.GetProperty("effectiveContactRate").GetDecimal());
        var hourly = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/outbound/reports/hourly?operation=devices-outbound&date=2026-11-23");
        Assert.Equal(3, hourly.GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/outbound/reports/kpis?operation=devices-outbound&from=2026-13-01&to=2026-11-24")).StatusCode);
        var agent = await app.ClientForAsync(A);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/outbound/reports/kpis?operation=devices-outbound&from=2026-11-23&to=2026-11-24")).StatusCode);
    }
}

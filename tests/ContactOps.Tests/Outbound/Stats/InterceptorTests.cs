using System.Text.Json;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Data;
using ContactOps.Tests.Infrastructure;
using ContactOps.Tests.Outbound.Policy;
using ContactOps.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactOps.Tests.Outbound.Stats.StatsKit;

namespace ContactOps.Tests.Outbound.Stats;

/// <summary>The hourly figures follow every tracked attempt write (insert, result, disposition, agent, delete) in the save's transaction.</summary>
public class InterceptorTests
{
    private const string Agent = "agent.devices-outbound";
    private const string Agent2 = "otro.agente";

    private static async Task<T> WithDbAsync<T>(TestApp app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.SystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task WithDbAsync(TestApp app, Func<AppDbContext, Task> work) => WithDbAsync(app, async db =>
    {
        await work(db);
        return 0;
    });

    private static async Task AssertMatchesRecountAsync(TestApp app, Guid opId) => await WithDbAsync(app, async db =>
    {
        var table = await TableAsync(db, opId);
        var recount = await RecountAsync(db, opId);
        Assert.Equal(recount, table);
    });

    private static async Task DisposeAsync(AppDbContext db, CallAttempt attempt, string code)
    {
        var traits = (await OperationCatalog.DispositionTraitsAsync(db, attempt.OperationId, default)).Single(t => t.Code == code);
        var campaign = await db.OutboundCampaigns.SingleAsync(c => c.OperationId == attempt.OperationId);
        var lead = attempt.LeadId is { } id ? await db.Leads.Include(l => l.Phones).SingleAsync(l => l.Id == id) : null;
        await LeadOutcomes.ApplyDispositionAsync(db, attempt, lead, traits, campaign, attempt.StartedAt.AddMinutes(2), null, false, default);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_synchronous_save_of_attempts_is_refused_and_writes_nothing_while_other_synchronous_saves_pass(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var opId = await WithDbAsync(app, async db =>
        {
            await IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "stats-sync-save");
            var lead = PolicyKit.Lead(db, b, "+573001110009");
            await db.SaveChangesAsync();

            LeadOutcomes.StartAttempt(db, lead, "+573001110009", DialMode.Predictive, Local(2026, 11, 23, 9, 15), new DateOnly(2026, 11, 23), AttemptSource.ContactOps);
            var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
            return b.OperationId;
        });

        await WithDbAsync(app, async db =>
        {
            Assert.Equal(0, await db.CallAttempts.CountAsync(a => a.OperationId == opId));
            Assert.Empty(await TableAsync(db, opId));

            var leadBase = await db.LeadBases.SingleAsync(x => x.OperationId == opId && x.Name == "stats-sync-save");
            leadBase.Status = LeadBaseStatus.Closed;
            Assert.True(db.SaveChanges() >= 1);
        });
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_attempt_write_moves_the_hourly_figures_and_a_rebuild_gives_the_same(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = new Guid[4];
        var opId = await WithDbAsync(app, async db =>
        {
            await IsolateAsync(db);
            var b = await PolicyKit.AddBaseAsync(db, "stats-interceptor");
            var leads = new[] { "+573001110001", "+573001110002", "+573001110003" }.Select(p => PolicyKit.Lead(db, b, p)).ToArray();
            await db.SaveChangesAsync();

            // Inserts: 09:15, 09:40, 10:05 and 23:30 local (= 04:30 UTC the next day, still the 23rd in Bogotá).
            DateTimeOffset[] at = [Local(2026, 11, 23, 9, 15), Local(2026, 11, 23, 9, 40), Local(2026, 11, 23, 10, 5), Local(2026, 11, 23, 23, 30)];
            Lead[] whom = [leads[0], leads[1], leads[2], leads[0]];
            for (var i = 0; i < 4; i++)
            {
                ids[i] = LeadOutcomes.StartAttempt(db, whom[i], whom[i].Phones.Count > 0 ? whom[i].Phones.First().E164 : "+57300111000" + (i % 3 + 1), DialMode.Predictive, at[i], DateOnly.FromDateTime(at[i].DateTime), AttemptSource.ContactOps).Id;
            }

            await db.SaveChangesAsync();
            return b.OperationId;
        });
        var day = new DateOnly(2026, 11, 23);
        await WithDbAsync(app, async db => Assert.Equal(
            [new Row(day, 9, "", 2, 0, 0, 0, 0, 0, 0, 0), new Row(day, 10, "", 1, 0, 0, 0, 0, 0, 0, 0), new Row(day, 23, "", 1, 0, 0, 0, 0, 0, 0, 0)],
            await TableAsync(db, opId)));

        // Results, agents and dispositions arrive (as the engine and the desk write them).
        await WithDbAsync(app, async db =>
        {
            var a = await db.CallAttempts.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
            a[ids[0]].Result = CallResult.Answered;
            a[ids[0]].AgentLogin = Agent;
            a[ids[0]].TalkSeconds = 120;
            await DisposeAsync(db, a[ids[0]], "VENTA");
            a[ids[1]].Result = CallResult.Machine;
            a[ids[2]].Result = CallResult.Answered;
            a[ids[2]].AgentLogin = Agent;
            a[ids[2]].TalkSeconds = 60;
            await DisposeAsync(db, a[ids[2]], "NO_INTERESADO");
            a[ids[3]].Result = CallResult.Answered;
            a[ids[3]].Abandoned = true;
            await db.SaveChangesAsync();
        });
        await WithDbAsync(app, async db => Assert.Equal(
            [
                new Row(day, 9, "", 1, 0, 1, 0, 0, 0, 0, 0),
                new Row(day, 9, Agent, 1, 1, 0, 1, 1, 1, 0, 120),
                new Row(day, 10, Agent, 1, 1, 0, 1, 0, 0, 0, 60),
                new Row(day, 23, "", 1, 1, 0, 0, 0, 0, 1, 0),
            ],
            await TableAsync(db, opId)));
        await AssertMatchesRecountAsync(app, opId);

        // A disposition corrected, an attempt handed to another agent, one deleted.
        await WithDbAsync(app, async db =>
        {
            var a = await db.CallAttempts.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
            await DisposeAsync(db, a[ids[2]], "VENTA");
            a[ids[0]].AgentLogin = Agent2;
            a[ids[3]].DispositionCode = "BUZON";
            db.CallAttempts.Remove(a[ids[1]]);
            await db.SaveChangesAsync();
        });
        var expected = new List<Row>
        {
            new(day, 9, Agent2, 1, 1, 0, 1, 1, 1, 0, 120),
            new(day, 10, Agent, 1, 1, 0, 1, 1, 1, 0, 60),
            new(day, 23, "", 1, 0, 1, 0, 0, 0, 1, 0),
        };
        await WithDbAsync(app, async db => Assert.Equal(expected, await TableAsync(db, opId)));
        await AssertMatchesRecountAsync(app, opId);

        // Rebuild repairs a damaged table (CLI), to the same figures.
        await WithDbAsync(app, db => db.OutboundHourlyStats.IgnoreQueryFilters().Where(s => s.OperationId == opId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Attempts, 99)));
        var (exit, output, error) = await CalendarCliTests.RunAsync(app, "stats", "rebuild", "--operation", "devices-outbound", "--json");
        Assert.True(exit == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(3, json.RootElement.GetProperty("attempts").GetInt64());
        }

        await WithDbAsync(app, async db => Assert.Equal(expected, await TableAsync(db, opId)));

        // A range rebuild touches only its dates; a bad range is refused with exit 2.
        await WithDbAsync(app, db => RebuildStats.RebuildAsync(db, opId, day, day, default));
        await WithDbAsync(app, async db => Assert.Equal(expected, await TableAsync(db, opId)));
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "stats", "rebuild", "--operation", "devices-outbound", "--from", "2026-11-24", "--to", "2026-11-23")).Exit);
        Assert.Equal(2, (await CalendarCliTests.RunAsync(app, "stats", "rebuild", "--operation", "devices-outbound", "--from", "23/11/2026")).Exit);
        Assert.NotEqual(0, (await CalendarCliTests.RunAsync(app, "stats", "rebuild", "--operation", "no-such-op")).Exit);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deltas_share_the_saves_transaction(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (opId, clientId) = await WithDbAsync(app, async db =>
        {
            await IsolateAsync(db);
            return await PolicyKit.OperationAsync(db);
        });

        // The caller's transaction rolled back: no figures.
        await WithDbAsync(app, async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.CallAttempts.Add(new CallAttempt(clientId, opId, null, "+573009990001", DialMode.Preview, Local(2026, 11, 23, 8, 0), AttemptSource.ContactOps));
            await db.SaveChangesAsync();
            Assert.Single(await TableAsync(db, opId));
            await tx.RollbackAsync();
        });
        await WithDbAsync(app, async db => Assert.Empty(await TableAsync(db, opId)));

        // A save that fails (an attempt on an operation that does not exist) leaves no figures of its valid attempt either.
        await WithDbAsync(app, async db =>
        {
            db.CallAttempts.Add(new CallAttempt(clientId, opId, null, "+573009990002", DialMode.Preview, Local(2026, 11, 23, 8, 0), AttemptSource.ContactOps));
            db.CallAttempts.Add(new CallAttempt(clientId, Guid.NewGuid(), null, "+573009990003", DialMode.Preview, Local(2026, 11, 23, 8, 0), AttemptSource.ContactOps));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        await WithDbAsync(app, async db =>
        {
            Assert.Empty(await TableAsync(db, opId));
            Assert.Equal(0, await db.CallAttempts.IgnoreQueryFilters().CountAsync(a => a.OperationId == opId));
        });

        // Without a transaction of the caller: attempt and figures are committed together.
        await WithDbAsync(app, async db =>
        {
            db.CallAttempts.Add(new CallAttempt(clientId, opId, null, "+573009990004", DialMode.Preview, Local(2026, 11, 23, 8, 0), AttemptSource.ContactOps) { Result = CallResult.Answered });
            await db.SaveChangesAsync();
        });
        await WithDbAsync(app, async db => Assert.Equal([new Row(new DateOnly(2026, 11, 23), 8, "", 1, 1, 0, 0, 0, 0, 0, 0)], await TableAsync(db, opId)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ApplyAsync_merges_concurrent_deltas_atomically(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (opId, clientId) = await WithDbAsync(app, async db =>
        {
            await IsolateAsync(db);
            return await PolicyKit.OperationAsync(db);
        });
        var day = new DateOnly(2026, 11, 23);

        // 6 writers × 20 calls, each adding one attempt (and a sale every other one) to the same two buckets.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await WithDbAsync(app, db => OutboundStats.ApplyAsync(db,
                [
                    new StatDelta(clientId, opId, day, 9, Agent, 1, 1, 0, 1, 0, i % 2, 0, 10),
                    new StatDelta(clientId, opId, day, 9, Agent, 0, 0, 0, 0, 1, 0, 0, 5),
                    new StatDelta(clientId, opId, day, 10, "", 1, 0, 1, 0, 0, 0, 0, 0),
                ], default));
            }
        })));
        await WithDbAsync(app, async db => Assert.Equal(
            [new Row(day, 9, Agent, 120, 120, 0, 120, 120, 60, 0, 1800), new Row(day, 10, "", 120, 0, 120, 0, 0, 0, 0, 0)],
            await TableAsync(db, opId)));
    }
}

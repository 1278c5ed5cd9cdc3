using System.Text.Json;
using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Outbound.Engine;

/// <summary>The product with a fake clock, the devices-outbound campaign and a small base of leads seeded as entities.</summary>
internal sealed class EngineApp : IAsyncDisposable
{
    /// <summary>Tuesday 24 Nov 2026, 10:00 in Bogotá.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private readonly TestApp _app;

    private EngineApp(TestApp app, FakeTimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public Guid OperationId { get; private set; }

    public Guid ClientId { get; private set; }

    public OutboundFloor Floor => _app.Services.GetRequiredService<OutboundFloor>();

    /// <summary>The dialer's state service of this test (lead facts read afresh: the tests move the clock and the data).</summary>
    public Task<DialerState> StateAsync() => _app.Services.GetRequiredService<DialerStatus>().StateAsync(OperationId, CancellationToken.None, fresh: true);

    /// <summary>The product's services with this test current (localizers, handlers).</summary>
    public IServiceProvider Services => _app.Services;

    public List<ConnectedCall> Connected { get; } = [];

    public List<EndedCall> Ended { get; } = [];

    public List<FloorSnapshot> Snapshots { get; } = [];

    public static async Task<EngineApp> StartAsync(TestApp app, DateTimeOffset? now = null, Action<TestApp>? services = null)
    {
        var clock = new FakeTimeProvider(now ?? Start);
        var clocked = app.WithClock(clock);
        services?.Invoke(clocked);
        var engine = new EngineApp(clocked, clock);
        await engine.DbAsync(async db =>
        {
            var op = await db.Operations.SingleAsync(o => o.Code == "devices-outbound");
            engine.OperationId = op.Id;
            engine.ClientId = op.ClientId;
            return 0;
        });
        engine.Floor.CallConnected += c => { lock (engine.Connected) { engine.Connected.Add(c); } };
        engine.Floor.CallEnded += c => { lock (engine.Ended) { engine.Ended.Add(c); } };
        engine.Floor.FloorChanged += s => { lock (engine.Snapshots) { engine.Snapshots.Add(s); } };
        return engine;
    }

    /// <summary>
    /// The engine after a server restart on the same database: new in-memory state, and the start-up step that resumes
    /// the campaigns left running (<see cref="OutboundFloorHost"/>), run here as the host would run it.
    /// </summary>
    public static async Task<EngineApp> RestartAsync(TestApp app)
    {
        await app.RestartServicesAsync();
        var engine = await StartAsync(app);
        await ActivatorUtilities.CreateInstance<OutboundFloorHost>(engine._app.Services).StartAsync(CancellationToken.None);
        return engine;
    }

    public async Task<TResult> DbAsync<TResult>(Func<AppDbContext, Task<TResult>> call)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("tests");
        return await call(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The campaign of devices-outbound with the given dialing and simulated world, and <paramref name="leads"/> leads with one phone each.</summary>
    public async Task SeedAsync(
        DialMode mode, SimulationProfile profile, int leads, decimal powerRatio = 1.5m, string recycleJson = "{}", bool running = false)
    {
        await DbAsync(async db =>
        {
            // The demo data's campaign, bases and segments must not take part: this test brings its own.
            await Policy.PolicyKit.IsolateAsync(db);
            await db.OutboundCampaigns.IgnoreQueryFilters().Where(c => c.OperationId == OperationId).ExecuteDeleteAsync();
            var campaign = new OutboundCampaign(ClientId, OperationId, "CO")
            {
                DialMode = mode,
                PowerRatio = powerRatio,
                RecycleMinutesJson = recycleJson,
                SimulationJson = JsonSerializer.Serialize(profile),
                ContactWindowsJson = """{"Monday":[["07:00","19:00"]],"Tuesday":[["07:00","19:00"]],"Wednesday":[["07:00","19:00"]],"Thursday":[["07:00","19:00"]],"Friday":[["07:00","19:00"]],"Saturday":[["08:00","15:00"]]}""",
                IsRunning = running,
            };
            db.OutboundCampaigns.Add(campaign);
            var leadBase = new LeadBase(ClientId, OperationId, "Base prueba motor", "base.csv", Clock.GetUtcNow(), null);
            db.LeadBases.Add(leadBase);
            for (var i = 0; i < leads; i++)
            {
                var lead = new Lead(ClientId, OperationId, leadBase.Id, "CC", (1_000_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Cliente {i}", i + 2);
                db.Leads.Add(lead);
                db.LeadPhones.Add(new LeadPhone(ClientId, OperationId, lead.Id, "+57300" + (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), 0));
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>Moves the clock one second at a time, letting the engine process everything after each step.</summary>
    public async Task RunAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Floor.IdleAsync(OperationId);
        }
    }

    public Task<List<CallAttempt>> AttemptsAsync() =>
        DbAsync(db => db.CallAttempts.AsNoTracking().Where(a => a.OperationId == OperationId).OrderBy(a => a.StartedAt).ToListAsync());

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

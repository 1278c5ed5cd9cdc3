using ContactOps.Modules.Outbound;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Outbound.Engine;

public sealed class OutboundFloorTests
{
    private static readonly Guid AgentA = Guid.Parse("0b6f1c2e-0000-4000-8000-00000000000a");
    private static readonly Guid AgentB = Guid.Parse("0b6f1c2e-0000-4000-8000-00000000000b");

    /// <summary>Everybody answers in person after 3–5 s and talks about 30 s.</summary>
    private static readonly SimulationProfile AllHuman = new()
    {
        AnswerRate = 1, MachineShare = 0, RingMeanSeconds = 4, TalkMeanSeconds = 30, WrapMeanSeconds = 10, PatienceSeconds = 30, Seed = 7,
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Progressive_places_one_call_per_ready_agent_and_connects_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        await engine.SeedAsync(DialMode.Progressive, AllHuman, leads: 10);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        engine.Floor.AgentReady(engine.OperationId, AgentB, "agent.b", "SIP/1002");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        await engine.RunAsync(1);
        var attempts = await engine.AttemptsAsync();
        Assert.Equal(2, attempts.Count); // one per ready agent
        await engine.RunAsync(3);
        Assert.Equal(2, (await engine.AttemptsAsync()).Count); // no more while both calls are alive

        await engine.RunAsync(4); // ring is 1.6–6.4 s: both answered by now
        Assert.Equal(2, engine.Connected.Count);
        Assert.Equal(new[] { AgentA, AgentB }.Order(), engine.Connected.Select(c => c.AgentUserId).Order());
        attempts = await engine.AttemptsAsync();
        Assert.All(attempts, a =>
        {
            Assert.Equal(CallResult.Answered, a.Result);
            Assert.False(a.Abandoned);
            Assert.NotNull(a.ConnectedAt);
            Assert.Contains(a.AgentUserId!.Value, new[] { AgentA, AgentB });
            Assert.Equal(DialMode.Progressive, a.Mode);
        });
        Assert.Equal(AgentFloorState.InCall, await engine.Floor.AgentStateAsync(engine.OperationId, AgentA));

        // Both agents busy: nothing more is dialled until someone is ready again.
        await engine.RunAsync(2);
        Assert.Equal(2, (await engine.AttemptsAsync()).Count);

        // Agent A hangs up from the desk: wrap-up, talk time recorded, the call ended event raised.
        var connectedA = engine.Connected.Single(c => c.AgentUserId == AgentA);
        await engine.Floor.HangUpAsync(engine.OperationId, AgentA, CancellationToken.None);
        await engine.Floor.IdleAsync(engine.OperationId);
        Assert.Equal(AgentFloorState.WrapUp, await engine.Floor.AgentStateAsync(engine.OperationId, AgentA));
        Assert.Contains(engine.Ended, e => e.AttemptId == connectedA.AttemptId && e.AgentUserId == AgentA);
        var ended = (await engine.AttemptsAsync()).Single(a => a.Id == connectedA.AttemptId);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal((int)Math.Round((ended.EndedAt!.Value - ended.ConnectedAt!.Value).TotalSeconds), ended.TalkSeconds);
        Assert.True(ended.TalkSeconds > 0);

        // Ready again after wrap-up: one more call, for A.
        await engine.RunAsync(5);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.RunAsync(1);
        Assert.Equal(3, (await engine.AttemptsAsync()).Count);
        Assert.Equal(5, (await engine.AttemptsAsync()).Single(a => a.Id == connectedA.AttemptId).WrapSeconds);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_answered_call_with_no_free_agent_within_two_seconds_is_abandoned(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        await engine.SeedAsync(DialMode.Power, AllHuman, leads: 10, powerRatio: 3m);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        await engine.RunAsync(1);
        Assert.Equal(3, (await engine.AttemptsAsync()).Count); // ratio 3 × one ready agent
        await engine.RunAsync(12);

        var attempts = (await engine.AttemptsAsync()).Where(a => a.AnsweredAt is not null).ToList();
        var connected = Assert.Single(attempts, a => a.ConnectedAt is not null);
        Assert.Equal(AgentA, connected.AgentUserId);
        var abandoned = attempts.Where(a => a.Abandoned).ToList();
        Assert.True(abandoned.Count >= 2, $"expected the other answered calls abandoned, got {abandoned.Count}");
        Assert.All(abandoned, a =>
        {
            Assert.Null(a.AgentUserId);
            Assert.Null(a.ConnectedAt);
            Assert.Equal(CallResult.Answered, a.Result);
            Assert.NotNull(a.EndedAt);
            Assert.True(a.EndedAt!.Value - a.AnsweredAt!.Value <= TimeSpan.FromSeconds(2), "abandoned no later than 2 s after the answer");
        });

        // The floor's figures are those of the attempts table.
        engine.Floor.AgentNotReady(engine.OperationId, AgentA, AgentFloorState.Paused);
        await engine.RunAsync(1);
        var all = await engine.AttemptsAsync();
        var snapshot = engine.Floor.Snapshot(engine.OperationId);
        Assert.Equal(all.Count, snapshot.AttemptsToday);
        Assert.Equal(all.Count(a => a.Result == CallResult.Answered), snapshot.AnsweredToday);
        Assert.Equal(all.Count(a => a.Abandoned), snapshot.AbandonedToday);
        Assert.Equal((double)snapshot.AbandonedToday / snapshot.AnsweredToday, snapshot.AbandonRateToday, 6);
        Assert.Equal(snapshot.AbandonRateToday, snapshot.AbandonRate30Days, 6);
        Assert.Equal(3.0, snapshot.DialLevel);
        Assert.True(snapshot.IsRunning);
        Assert.NotEmpty(engine.Snapshots);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task No_answer_gets_the_system_disposition_and_the_recycle_delay(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        var nobody = new SimulationProfile { AnswerRate = 0, BusyShare = 0, FailedShare = 0, RingTimeoutSeconds = 10, Seed = 3 };
        await engine.SeedAsync(DialMode.Progressive, nobody, leads: 5, recycleJson: """{"NO_CONTESTA":120,"BUZON":60}""");
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        await engine.RunAsync(25);
        var attempts = await engine.AttemptsAsync();
        Assert.True(attempts.Count >= 2);
        var done = attempts.Where(a => a.EndedAt is not null).ToList();
        Assert.NotEmpty(done);
        var leads = await engine.DbAsync(db => db.Leads.AsNoTracking().Where(l => l.OperationId == engine.OperationId).ToDictionaryAsync(l => l.Id));
        foreach (var a in done)
        {
            Assert.Equal(CallResult.NoAnswer, a.Result);
            Assert.Equal("NO_CONTESTA", a.DispositionCode);
            Assert.NotNull(a.DispositionId);
            Assert.Equal(TimeSpan.FromSeconds(10), a.EndedAt!.Value - a.StartedAt);
            var lead = leads[a.LeadId!.Value];
            Assert.Equal("NO_CONTESTA", lead.LastDispositionCode);
            Assert.Equal(a.DispositionAt!.Value.AddMinutes(120), lead.NextAttemptAt);
            Assert.False(lead.IsFinal);
            Assert.Null(lead.LastContactAt);
        }

        Assert.Empty(engine.Connected);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Machines_get_the_voicemail_disposition_and_never_reach_an_agent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        var machines = new SimulationProfile { AnswerRate = 1, MachineShare = 1, RingMeanSeconds = 3, Seed = 5 };
        await engine.SeedAsync(DialMode.Power, machines, leads: 6, powerRatio: 2m, recycleJson: """{"NO_CONTESTA":120,"BUZON":60}""");
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        await engine.RunAsync(25);
        var attempts = await engine.AttemptsAsync();
        Assert.Equal(6, attempts.Count); // every lead once: the 60-minute recycle keeps them out afterwards
        var leads = await engine.DbAsync(db => db.Leads.AsNoTracking().Where(l => l.OperationId == engine.OperationId).ToDictionaryAsync(l => l.Id));
        Assert.All(attempts, a =>
        {
            Assert.Equal(CallResult.Machine, a.Result);
            Assert.Equal("BUZON", a.DispositionCode);
            Assert.Null(a.AgentUserId);
            Assert.False(a.Abandoned);
            Assert.Equal(a.DispositionAt!.Value.AddMinutes(60), leads[a.LeadId!.Value].NextAttemptAt);
        });
        Assert.Empty(engine.Connected);
        Assert.Equal(AgentFloorState.Ready, await engine.Floor.AgentStateAsync(engine.OperationId, AgentA));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_paused_agent_gets_no_calls_and_stop_stops_dialling(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        await engine.SeedAsync(DialMode.Progressive, AllHuman, leads: 10);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        engine.Floor.AgentNotReady(engine.OperationId, AgentA, AgentFloorState.Paused);
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        await engine.RunAsync(10);
        Assert.Empty(await engine.AttemptsAsync());
        Assert.Equal(1, engine.Floor.Snapshot(engine.OperationId).Paused);

        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.RunAsync(1);
        Assert.Single(await engine.AttemptsAsync());

        await engine.Floor.StopAsync(engine.OperationId, CancellationToken.None);
        Assert.False(await engine.DbAsync(db => db.OutboundCampaigns.Where(c => c.OperationId == engine.OperationId).Select(c => c.IsRunning).SingleAsync()));
        await engine.RunAsync(60); // the call in flight finishes; no new one is placed
        await engine.Floor.HangUpAsync(engine.OperationId, AgentA, CancellationToken.None);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.RunAsync(10);
        Assert.Single(await engine.AttemptsAsync());
        Assert.False(engine.Floor.Snapshot(engine.OperationId).IsRunning);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_attempt_updates_its_lead_counters(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        var mixed = new SimulationProfile { AnswerRate = 0.5, MachineShare = 0.3, RingMeanSeconds = 5, RingTimeoutSeconds = 12, TalkMeanSeconds = 20, Seed = 11 };
        await engine.SeedAsync(DialMode.Power, mixed, leads: 8, powerRatio: 2m);
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        engine.Floor.AgentReady(engine.OperationId, AgentB, "agent.b", "SIP/1002");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        // Agents dispose and come back quickly, so leads are dialled more than once (no recycle delays configured).
        engine.Floor.CallEnded += e => engine.Floor.AgentReady(e.OperationId, e.AgentUserId, "agent", "SIP/100x");
        await engine.RunAsync(120);
        await engine.Floor.StopAsync(engine.OperationId, CancellationToken.None);
        await engine.RunAsync(60);

        var attempts = await engine.AttemptsAsync();
        Assert.True(attempts.Count > 8, $"expected redials, got {attempts.Count} attempts");
        var leads = await engine.DbAsync(db => db.Leads.AsNoTracking().Where(l => l.OperationId == engine.OperationId).ToListAsync());
        foreach (var lead in leads)
        {
            var mine = attempts.Where(a => a.LeadId == lead.Id).ToList();
            Assert.Equal(mine.Count, lead.Attempts);
            Assert.Equal(mine.Count, lead.AttemptsToday);
            Assert.Equal(new DateOnly(2026, 11, 24), mine.Count > 0 ? lead.AttemptsDay : new DateOnly(2026, 11, 24));
            Assert.Equal(mine.Count == 0 ? null : mine.Max(a => a.StartedAt), lead.LastAttemptAt);
            // Reserved only while bridged and awaiting the desk's disposition; every other attempt released it.
            var last = mine.LastOrDefault();
            if (last?.ConnectedAt is not null)
            {
                Assert.Equal(last.ConnectedAt.Value.AddHours(2), lead.ReservedUntil);
            }
            else
            {
                Assert.Null(lead.ReservedUntil);
            }
        }

        Assert.All(attempts, a => Assert.NotEqual(CallResult.Pending, a.Result));
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Preview_is_refused_and_a_running_campaign_resumes_after_a_restart(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var engine = await EngineApp.StartAsync(app))
        {
            await engine.SeedAsync(DialMode.Preview, AllHuman, leads: 1);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Floor.StartAsync(engine.OperationId, CancellationToken.None));
            Assert.Contains("vista previa", refused.Message, StringComparison.Ordinal);
            Assert.False(engine.Floor.Snapshot(engine.OperationId).IsRunning);

            await engine.DbAsync(async db =>
            {
                var c = await db.OutboundCampaigns.SingleAsync(x => x.OperationId == engine.OperationId);
                c.DialMode = DialMode.Progressive;
                await db.SaveChangesAsync();
                return 0;
            });
            await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);
            Assert.True(await engine.DbAsync(db => db.OutboundCampaigns.Where(c => c.OperationId == engine.OperationId).Select(c => c.IsRunning).SingleAsync()));
        }

        // A new process on the same database: the campaign is running again, and dials.
        await using var restarted = await EngineApp.RestartAsync(app);
        await restarted.Floor.IdleAsync(restarted.OperationId);
        Assert.True(restarted.Floor.Snapshot(restarted.OperationId).IsRunning);
        restarted.Floor.AgentReady(restarted.OperationId, AgentA, "agent.a", "SIP/1001");
        await restarted.RunAsync(1);
        Assert.Single(await restarted.AttemptsAsync());
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Predictive_runs_the_live_floor_and_connects_answered_calls(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var engine = await EngineApp.StartAsync(app);
        var world = new SimulationProfile { AnswerRate = 0.3, MachineShare = 0.1, RingMeanSeconds = 6, RingTimeoutSeconds = 15, TalkMeanSeconds = 20, PatienceSeconds = 10, Seed = 21 };
        await engine.SeedAsync(DialMode.Predictive, world, leads: 300);
        var agents = new[] { AgentA, AgentB, Guid.Parse("0b6f1c2e-0000-4000-8000-00000000000c") };
        foreach (var agent in agents)
        {
            engine.Floor.AgentReady(engine.OperationId, agent, "agent", "SIP/1000");
        }

        engine.Floor.CallEnded += e => engine.Floor.AgentReady(e.OperationId, e.AgentUserId, "agent", "SIP/1000");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);
        await engine.RunAsync(180);

        // The predictive pacer (dialsim's; its own tests cover how far ahead it dials) drives the live floor every second.
        lock (engine.Snapshots)
        {
            Assert.True(engine.Snapshots.Count >= 180);
            Assert.All(engine.Snapshots, s => Assert.Equal(DialMode.Predictive, s.Mode));
        }

        var attempts = await engine.AttemptsAsync();
        Assert.All(attempts.Where(a => a.ConnectedAt is not null), a => Assert.Contains(a.AgentUserId!.Value, agents));
        Assert.True(engine.Connected.Count >= 5, $"connected {engine.Connected.Count}");
        Assert.All(attempts, a => Assert.Equal(DialMode.Predictive, a.Mode));
        foreach (var perLead in attempts.GroupBy(a => a.LeadId))
        {
            // A lead is never on two calls at once: each redial starts after the previous attempt ended.
            var ordered = perLead.OrderBy(a => a.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].EndedAt is not null && ordered[i - 1].EndedAt <= ordered[i].StartedAt);
            }
        }
        var snapshot = engine.Floor.Snapshot(engine.OperationId);
        Assert.Equal(DialMode.Predictive, snapshot.Mode);
        Assert.Empty(app.LoggedErrors);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_callback_for_an_agent_is_dialled_only_while_that_agent_is_ready_and_goes_to_them(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var source = new CallbackSource(AgentB);
        await using var engine = await EngineApp.StartAsync(app, services: a => a.Use<IDialerLeadSource>(source));
        await engine.SeedAsync(DialMode.Progressive, AllHuman, leads: 3);
        source.LeadIds = await engine.DbAsync(db => db.Leads.Where(l => l.OperationId == engine.OperationId).OrderBy(l => l.SourceLine).Select(l => l.Id).ToListAsync());
        engine.Floor.AgentReady(engine.OperationId, AgentA, "agent.a", "SIP/1001");
        await engine.Floor.StartAsync(engine.OperationId, CancellationToken.None);

        // Only A is ready: the callback for B is handed back, not dialled.
        await engine.RunAsync(3);
        Assert.Empty(await engine.AttemptsAsync());
        Assert.Contains(source.LeadIds[0], source.Released);

        // B joins after A (A idles longer): the callback still goes to B.
        engine.Floor.AgentReady(engine.OperationId, AgentB, "agent.b", "SIP/1002");
        source.Enabled = true;
        await engine.RunAsync(8);
        var callback = Assert.Single(await engine.AttemptsAsync(), a => a.LeadId == source.LeadIds[0]);
        Assert.Equal(AgentB, callback.AgentUserId);
        Assert.Contains(engine.Connected, c => c.LeadId == source.LeadIds[0] && c.AgentUserId == AgentB);
        Assert.Empty(app.LoggedErrors);
    }

    /// <summary>A hopper whose first lead is a callback for one agent; the others are ordinary.</summary>
    private sealed class CallbackSource(Guid callbackAgent) : IDialerLeadSource
    {
        private readonly HashSet<Guid> _taken = [];

        public List<Guid> LeadIds { get; set; } = [];

        public List<Guid> Released { get; } = [];

        /// <summary>Until set, only the callback is offered.</summary>
        public bool Enabled { get; set; }

        public Task<IReadOnlyList<DialerLead>> TakeAsync(Guid operationId, int count, Guid? forAgentUserId, CancellationToken ct)
        {
            var leads = new List<DialerLead>();
            lock (_taken)
            {
                foreach (var id in LeadIds.Where(id => !_taken.Contains(id)).Take(Enabled ? count : Math.Min(count, 1)))
                {
                    if (id != LeadIds[0] && !Enabled)
                    {
                        break;
                    }

                    _taken.Add(id);
                    leads.Add(new DialerLead(id, operationId, "+5730099900" + LeadIds.IndexOf(id).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
                        id == LeadIds[0] ? callbackAgent : null));
                }
            }

            return Task.FromResult<IReadOnlyList<DialerLead>>(leads);
        }

        public Task ReleaseAsync(Guid operationId, Guid leadId, CancellationToken ct)
        {
            lock (_taken)
            {
                _taken.Remove(leadId);
                Released.Add(leadId);
            }

            return Task.CompletedTask;
        }
    }
}

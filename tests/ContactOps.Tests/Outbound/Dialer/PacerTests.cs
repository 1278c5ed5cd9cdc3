using ContactOps.Modules.Outbound.Dialer;

namespace ContactOps.Tests.Outbound.Dialer;

/// <summary>Each pacer on crafted snapshots and inside the simulator (fixed seeds).</summary>
public class PacerTests
{
    internal static PacingSnapshot Snapshot(
        int ready = 0,
        int inCall = 0,
        int wrapping = 0,
        int inFlight = 0,
        int waiting = 0,
        int answeredToday = 0,
        int abandonedToday = 0,
        int callsLastMinute = 0,
        int droppedLastMinute = 0,
        double hoursLeft = 8,
        double answerRate = 0.3,
        double target = 0.03) => new()
        {
            Now = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero),
            ReadyAgents = ready,
            InCallAgents = inCall,
            TalkAgeSeconds = Enumerable.Repeat(60.0, inCall).ToList(),
            WrapUpAgeSeconds = Enumerable.Repeat(5.0, wrapping).ToList(),
            CallsInFlight = inFlight,
            WaitingAnswered = waiting,
            AnswerRate = answerRate,
            MeanTalkSeconds = 180,
            MeanWrapSeconds = 20,
            MeanRingSeconds = 12,
            AnsweredToday = answeredToday,
            AbandonedToday = abandonedToday,
            Answered30Days = answeredToday,
            Abandoned30Days = abandonedToday,
            CallsLastMinute = callsLastMinute,
            DroppedLastMinute = droppedLastMinute,
            HoursLeftToday = hoursLeft,
            AbandonTarget = target,
        };

    internal static SimulationSettings Day(int agents, double answerRate, double minutes = 480, int seed = 7) => new()
    {
        Agents = agents,
        Minutes = minutes,
        AbandonTarget = 0.03,
        Profile = new SimulationProfile { AnswerRate = answerRate, MachineShare = 0, TalkMeanSeconds = 180, WrapMeanSeconds = 20, Seed = seed },
    };

    [Fact]
    public void Progressive_places_one_call_per_ready_agent_minus_calls_ringing()
    {
        var pacer = new ProgressivePacer();
        Assert.Equal(7, pacer.CallsToPlace(Snapshot(ready: 10, inFlight: 3)));
        Assert.Equal(0, pacer.CallsToPlace(Snapshot(ready: 4, inFlight: 6)));
        Assert.Equal(0, pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20)));
    }

    [Fact]
    public void Progressive_never_has_more_calls_in_flight_than_ready_agents_and_never_abandons()
    {
        var cycles = 0;
        var simulator = new DialerSimulator(Day(12, 0.3, minutes: 120), new ProgressivePacer())
        {
            OnCycle = (s, placed) =>
            {
                cycles++;
                Assert.True(s.CallsInFlight + placed <= s.ReadyAgents, $"{s.CallsInFlight} + {placed} calls for {s.ReadyAgents} ready agents");
            },
        };
        var result = simulator.Run();
        Assert.Equal(120 * 60, cycles);
        Assert.True(result.Answered > 100);
        Assert.Equal(0, result.Abandoned);
    }

    [Fact]
    public void Power_places_ratio_times_ready_agents_minus_calls_ringing()
    {
        var pacer = new PowerPacer(2.5m);
        Assert.Equal(25, pacer.CallsToPlace(Snapshot(ready: 10)));
        Assert.Equal(17, pacer.CallsToPlace(Snapshot(ready: 10, inFlight: 8)));
        Assert.Equal(3, pacer.CallsToPlace(Snapshot(ready: 1))); // round(2.5) away from zero
        Assert.Equal(0, pacer.CallsToPlace(Snapshot(ready: 2, inFlight: 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerPacer(0.5m));

        var checkedCycles = 0;
        var simulator = new DialerSimulator(Day(10, 0.3, minutes: 60), new PowerPacer(2m))
        {
            OnCycle = (s, placed) =>
            {
                Assert.Equal(Math.Max(0, (2 * s.ReadyAgents) - s.CallsInFlight - s.WaitingAnswered), placed);
                if (s.ReadyAgents > 0)
                {
                    Assert.True(s.CallsInFlight + placed >= 2 * s.ReadyAgents - s.WaitingAnswered);
                    checkedCycles++;
                }
            },
        };
        var power = simulator.Run();
        var progressive = new DialerSimulator(Day(10, 0.3, minutes: 60), new ProgressivePacer()).Run();
        Assert.True(checkedCycles > 100);
        Assert.True(power.Attempts > progressive.Attempts, $"power {power.Attempts} vs progressive {progressive.Attempts}");
    }

    [Fact]
    public void Vicidial_dial_level_rises_with_idle_agents_and_stays_within_1_and_3()
    {
        var pacer = new VicidialAdaptTaperedPacer();
        Assert.Equal(1.0, pacer.DialLevel);

        // 15 samples with 10 of 20 agents ready and nobody waiting: D = 10, m = 0.5, p = 50 → DL × 1.5.
        for (var i = 0; i < 15; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 10, inCall: 10));
        }

        Assert.Equal(1, pacer.Adjustments);
        Assert.Equal(1.5, pacer.DialLevel, 9);

        // Each cycle: round(DL × (ready + in call)) minus the calls in the system (ringing + talking).
        Assert.Equal((int)Math.Round(1.5 * 20) - 10 - 4, pacer.CallsToPlace(Snapshot(ready: 10, inCall: 10, inFlight: 4)));

        for (var i = 0; i < 15 * 10; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 10, inCall: 10));
            Assert.InRange(pacer.DialLevel, 1.0, 3.0);
        }

        Assert.Equal(3.0, pacer.DialLevel);

        // Calls waiting with no agent ready: D < 0 → DL falls, never below 1.
        for (var i = 0; i < 15 * 20; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20, waiting: 8));
            Assert.InRange(pacer.DialLevel, 1.0, 3.0);
        }

        Assert.Equal(1.0, pacer.DialLevel);
    }

    [Fact]
    public void Vicidial_halves_the_dial_level_when_more_than_half_of_the_last_minutes_calls_dropped()
    {
        var pacer = new VicidialAdaptTaperedPacer();
        for (var i = 0; i < 15 * 2; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 10, inCall: 10));
        }

        var before = pacer.DialLevel;
        Assert.Equal(1.5 * 1.5, before, 9);

        // D = 0 (no change from the agents' term), 30 calls in the last minute and 16 dropped → halve.
        for (var i = 0; i < 15; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20, callsLastMinute: 30, droppedLastMinute: 16));
        }

        Assert.Equal(before / 2, pacer.DialLevel, 9);

        // Exactly half dropped, or 20 calls or fewer: no halving.
        var level = pacer.DialLevel;
        for (var i = 0; i < 15; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20, callsLastMinute: 30, droppedLastMinute: 15));
        }

        Assert.Equal(level, pacer.DialLevel, 9);
        for (var i = 0; i < 15; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20, callsLastMinute: 20, droppedLastMinute: 20));
        }

        Assert.Equal(level, pacer.DialLevel, 9);
    }

    [Fact]
    public void Vicidial_tapers_by_hours_left_when_todays_drop_rate_is_over_target_after_50_calls()
    {
        VicidialAdaptTaperedPacer Raised()
        {
            var p = new VicidialAdaptTaperedPacer();
            for (var i = 0; i < 15 * 2; i++)
            {
                p.CallsToPlace(Snapshot(ready: 10, inCall: 10));
            }

            return p;
        }

        var pacer = Raised();
        Assert.Equal(2.25, pacer.DialLevel, 9);
        for (var i = 0; i < 15; i++)
        {
            pacer.CallsToPlace(Snapshot(ready: 0, inCall: 20, answeredToday: 100, abandonedToday: 5, hoursLeft: 8));
        }

        Assert.Equal(2.25 * 0.8, pacer.DialLevel, 9);

        // Under 50 answered, or at the target: no taper. Ten hours or more left: factor 1.
        foreach (var (answered, abandoned, hours) in new[] { (40, 10, 2.0), (100, 3, 2.0), (100, 9, 12.0) })
        {
            var p = Raised();
            for (var i = 0; i < 15; i++)
            {
                p.CallsToPlace(Snapshot(ready: 0, inCall: 20, answeredToday: answered, abandonedToday: abandoned, hoursLeft: hours));
            }

            Assert.Equal(2.25, p.DialLevel, 9);
        }
    }

    [Fact]
    public void Predictive_dials_more_when_agents_are_about_to_free_up_and_less_over_budget()
    {
        // A measured answer rate (2,000 answered today) and exactly on the 2.25 % budget line (3 % less the margin).
        PacingSnapshot Measured(int ready = 0, int inCall = 0, int wrapping = 0, int abandoned = 45) =>
            Snapshot(ready: ready, inCall: inCall, wrapping: wrapping, answeredToday: 2000, abandonedToday: abandoned);

        // All 20 agents ready, answer rate 0.3: more than one call per agent, but fewer than 20 / 0.3 (answers would exceed agents).
        var start = new PredictivePacer(0.03).CallsToPlace(Measured(ready: 20));
        Assert.InRange(start, 30, 66);

        // Everyone 60 s into a 180 s-mean call: almost nobody frees up within the ring horizon → (almost) nothing.
        Assert.InRange(new PredictivePacer(0.03).CallsToPlace(Measured(inCall: 20)), 0, 1);

        // The same agents all 5 s into a 20 s-mean wrap-up are likely free within the ring time: calls for them now.
        var wrapping = new PredictivePacer(0.03).CallsToPlace(Measured(wrapping: 20));
        Assert.True(wrapping >= 10, $"{wrapping} calls for 20 agents finishing their wrap-up");

        // Over budget today (6 % abandoned): fewer calls for the same floor, but still at least one per ready agent.
        var overBudget = new PredictivePacer(0.03).CallsToPlace(Measured(ready: 20, abandoned: 120));
        Assert.True(overBudget < start, $"{overBudget} over budget vs {start}");
        Assert.True(overBudget >= 20, $"{overBudget} calls for 20 ready agents with nothing ringing");

        // A young measurement (nothing answered yet): about one call per ready agent until the answer rate is known.
        Assert.InRange(new PredictivePacer(0.03).CallsToPlace(Snapshot(ready: 20)), 20, 22);
    }

    [Fact]
    public void Factory_and_parser_build_the_pacers()
    {
        Assert.IsType<ProgressivePacer>(Pacers.Create(DialMode.Progressive, 1, 0.03));
        Assert.Equal(1.5m, Assert.IsType<PowerPacer>(Pacers.Create(DialMode.Power, 1.5m, 0.03)).Ratio);
        Assert.Equal(0.05, Assert.IsType<PredictivePacer>(Pacers.Create(DialMode.Predictive, 1, 0.05)).AbandonTarget);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pacers.Create(DialMode.Preview, 1, 0.03));

        Assert.True(Pacers.TryParse("power:2.5", out var power, out _));
        Assert.Equal("power:2.5", power(0.03).Name);
        Assert.True(Pacers.TryParse("VICIDIAL", out var vici, out _));
        Assert.IsType<VicidialAdaptTaperedPacer>(vici(0.03));
        Assert.True(Pacers.TryParse("predictive", out var predictive, out _));
        Assert.IsType<PredictivePacer>(predictive(0.03));
        Assert.False(Pacers.TryParse("power:0.5", out _, out var error));
        Assert.Contains("entre 1 y 10", error, StringComparison.Ordinal);
        Assert.False(Pacers.TryParse("agresivo", out _, out error));
        Assert.Contains("--pacing", error, StringComparison.Ordinal);
    }
}

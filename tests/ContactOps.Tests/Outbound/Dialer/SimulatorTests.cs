using System.Diagnostics;
using ContactOps.Modules.Outbound.Dialer;
using Xunit.Abstractions;

namespace ContactOps.Tests.Outbound.Dialer;

/// <summary>The sampler, the discrete-event simulator and the predictive pacer over long runs.</summary>
public class SimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Sampler_is_reproducible_and_follows_the_profile()
    {
        var profile = new SimulationProfile { AnswerRate = 0.4, MachineShare = 0.25, BusyShare = 0.2, FailedShare = 0.05, TalkMeanSeconds = 150, WrapMeanSeconds = 30, Seed = 42 };
        var a = new CallOutcomeSampler(profile);
        var b = new CallOutcomeSampler(profile);
        var calls = Enumerable.Range(0, 40_000).Select(_ => a.Next()).ToList();
        Assert.Equal(calls.Take(100), Enumerable.Range(0, 100).Select(_ => b.Next()));
        Assert.NotEqual(calls.Take(100), Enumerable.Range(0, 100).Select(_ => new CallOutcomeSampler(profile with { Seed = 43 }).Next()).Take(100));

        double Share(CallOutcomeKind kind) => calls.Count(c => c.Kind == kind) / (double)calls.Count;
        Assert.InRange(Share(CallOutcomeKind.Human), 0.3 - 0.01, 0.3 + 0.01);
        Assert.InRange(Share(CallOutcomeKind.Machine), 0.1 - 0.01, 0.1 + 0.01);
        Assert.InRange(Share(CallOutcomeKind.Busy), 0.6 * 0.2 - 0.01, 0.6 * 0.2 + 0.01);
        Assert.InRange(Share(CallOutcomeKind.Failed), 0.6 * 0.05 - 0.005, 0.6 * 0.05 + 0.005);
        var humans = calls.Where(c => c.IsHuman).ToList();
        Assert.InRange(humans.Average(c => c.TalkSeconds), 150 * 0.95, 150 * 1.05);
        Assert.InRange(humans.Average(c => c.WrapSeconds), 30 * 0.95, 30 * 1.05);
        Assert.All(humans, c => Assert.InRange(c.RingSeconds, 0.4 * 12, 1.6 * 12));
        Assert.All(calls.Where(c => c.Kind == CallOutcomeKind.NoAnswer), c => Assert.Equal(profile.RingTimeoutSeconds, c.RingSeconds));
        Assert.All(calls.Where(c => !c.IsHuman), c => Assert.Equal(0, c.TalkSeconds));
        Assert.Throws<ArgumentException>(() => new CallOutcomeSampler(profile with { AnswerRate = 1.2 }));
    }

    [Fact]
    public void Same_seed_gives_the_same_day_and_another_seed_another_day()
    {
        SimulationResult Run(int seed) => new DialerSimulator(PacerTests.Day(20, 0.3, minutes: 120, seed: seed), new PredictivePacer(0.03)).Run();
        var first = Run(5);
        Assert.Equal(first, Run(5));
        Assert.NotEqual(first, Run(6));
    }

    [Fact]
    public void Occupancy_and_agent_wait_add_up_for_a_progressive_day()
    {
        var result = new DialerSimulator(PacerTests.Day(10, 0.3, minutes: 240), new ProgressivePacer()).Run();

        // Each connected call keeps its agent busy for about talk + wrap (200 s mean); the rest of the logged-in time is waiting.
        var busyEstimate = result.Connected * 200.0 / (10 * 240 * 60);
        Assert.InRange(result.Occupancy, busyEstimate * 0.85, Math.Min(1, busyEstimate * 1.15));
        Assert.Equal(result.Answered, result.Connected);

        // Progressive: an agent waits for ring time of about 1/answer-rate calls in a row, so tens of seconds, never zero.
        Assert.InRange(result.MeanAgentWaitSeconds, 15, 120);
        Assert.Equal(0, result.AbandonRate);
    }

    [Fact]
    public void An_answered_person_with_no_free_agent_within_2_seconds_is_abandoned()
    {
        // One agent and power:10 with everyone answering: most answered people find the agent busy.
        var settings = PacerTests.Day(1, 1.0, minutes: 30) with { Profile = new SimulationProfile { AnswerRate = 1, MachineShare = 0, Seed = 3 } };
        var result = new DialerSimulator(settings, new PowerPacer(10)).Run();
        Assert.True(result.Abandoned > 0);
        Assert.Equal(result.Answered, result.Connected + result.Abandoned + (result.Answered - result.Connected - result.Abandoned));
        Assert.True(result.Connected + result.Abandoned <= result.Answered);
        Assert.True(result.Connected >= result.Answered - result.Abandoned - 1, "every answered call is connected or abandoned (one may wait at the end)");
        Assert.True(result.AbandonRate > 0.5);
    }

    [Theory]
    [InlineData(0.15)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void Predictive_keeps_the_abandon_rate_under_target_over_a_day_and_beats_progressive_occupancy(double answerRate)
    {
        var settings = PacerTests.Day(50, answerRate, minutes: 480, seed: 11);
        var watch = Stopwatch.StartNew();
        var predictive = new DialerSimulator(settings, new PredictivePacer(0.03)).Run();
        var elapsed = watch.Elapsed;
        var progressive = new DialerSimulator(settings, new ProgressivePacer()).Run();
        output.WriteLine($"answer {answerRate}: predictive {predictive} in {elapsed.TotalSeconds:F2}s; progressive {progressive}");

        Assert.True(predictive.Answered > 1000);
        Assert.True(predictive.AbandonRate <= 0.03, $"abandon rate {predictive.AbandonRate:P2}");
        Assert.True(predictive.Abandoned > 0, "it does use the abandon budget");
        Assert.True(predictive.Occupancy > progressive.Occupancy + 0.03, $"occupancy {predictive.Occupancy:P1} vs progressive {progressive.Occupancy:P1}");
        Assert.True(predictive.MeanAgentWaitSeconds < progressive.MeanAgentWaitSeconds);
    }

    [Fact]
    public void Predictive_respects_a_stricter_target()
    {
        var result = new DialerSimulator(PacerTests.Day(30, 0.3, minutes: 480, seed: 2) with { AbandonTarget = 0.01 }, new PredictivePacer(0.01)).Run();
        Assert.True(result.AbandonRate <= 0.01, $"abandon rate {result.AbandonRate:P2}");
    }

    [Fact]
    public void An_eight_hour_day_with_100_agents_simulates_every_minute_of_the_day()
    {
        // How long it takes is measured in bench/ (dialer-timing, docs/performance.md), not here.
        var result = new DialerSimulator(PacerTests.Day(100, 0.15, minutes: 480), new PredictivePacer(0.03)).Run();
        output.WriteLine(result.ToString());
        Assert.True(result.Attempts > 50_000, result.ToString());
    }
}

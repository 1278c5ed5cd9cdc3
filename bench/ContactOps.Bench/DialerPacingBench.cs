using System.Diagnostics;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;

/// <summary>
/// Pacing benchmark in the dialer simulator (no database).
///   dialer-pacing [--minutes 480] [--wrap-mean 20] [--seed 1] [--target 0.03]
///       the table of docs/performance.md: 10/25/50/100 agents × answer rate 0.15/0.3/0.5, talk mean 180 s, every pacer on the same seed
///   dialer-timing [--runs 5] [--agents 100] [--minutes 480]
///       wall time of one simulated day with the predictive pacer (median of the runs)
/// </summary>
internal static class DialerPacingBench
{
    private static readonly string[] PacerNames = ["predictive", "progressive", "vicidial", "power:2"];

    public static int Table(Dictionary<string, string> o)
    {
        var minutes = double.Parse(o.GetValueOrDefault("--minutes", "480"), CultureInfo.InvariantCulture);
        var wrap = double.Parse(o.GetValueOrDefault("--wrap-mean", "20"), CultureInfo.InvariantCulture);
        var seed = int.Parse(o.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture);
        var target = double.Parse(o.GetValueOrDefault("--target", "0.03"), CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;

        Console.WriteLine(string.Format(inv, "minutes={0} talk_mean=180 wrap_mean={1} ring_mean=12 machine_share=0 abandon_target={2} seed={3}", minutes, wrap, target, seed));
        Console.WriteLine("| agents | answer rate | " + string.Join(" | ", PacerNames.Select(p => p + " abandon")) + " | " + string.Join(" | ", PacerNames.Select(p => p + " occupancy")) + " |");
        Console.WriteLine("|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", PacerNames.Length * 2)));
        var failures = 0;
        var total = Stopwatch.StartNew();
        foreach (var agents in new[] { 10, 25, 50, 100 })
        {
            foreach (var answer in new[] { 0.15, 0.3, 0.5 })
            {
                var results = PacerNames.Select(p => SimulateDialer.Run(new SimulateDialerRequest
                {
                    Agents = agents,
                    Minutes = minutes,
                    AnswerRate = answer,
                    TalkMeanSeconds = 180,
                    WrapMeanSeconds = wrap,
                    Pacing = p,
                    AbandonTarget = target,
                    Seed = seed,
                }).Value!).ToArray();
                var ours = results[0];
                var vici = results[2];
                var ok = ours.AbandonRate <= target && ours.Occupancy > vici.Occupancy;
                failures += ok ? 0 : 1;
                Console.WriteLine(string.Format(
                    inv,
                    "| {0} | {1:0.00} | {2} | {3} |{4}",
                    agents,
                    answer,
                    string.Join(" | ", results.Select(r => (r.AbandonRate * 100).ToString("0.00", inv) + " %")),
                    string.Join(" | ", results.Select(r => (r.Occupancy * 100).ToString("0.0", inv) + " %")),
                    ok ? "" : " ✗"));
            }
        }

        Console.WriteLine(string.Format(inv, "rows failing the target (ours over target or occupancy not above vicidial): {0}; total {1:F1}s", failures, total.Elapsed.TotalSeconds));
        return 0;
    }

    public static int Timing(Dictionary<string, string> o)
    {
        var runs = int.Parse(o.GetValueOrDefault("--runs", "5"), CultureInfo.InvariantCulture);
        var agents = int.Parse(o.GetValueOrDefault("--agents", "100"), CultureInfo.InvariantCulture);
        var minutes = double.Parse(o.GetValueOrDefault("--minutes", "480"), CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;
        foreach (var pacing in PacerNames)
        {
            var times = new List<double>();
            SimulateDialerResponse? last = null;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                last = SimulateDialer.Run(new SimulateDialerRequest { Agents = agents, Minutes = minutes, AnswerRate = 0.3, Pacing = pacing, Seed = i + 1 }).Value!;
                times.Add(watch.Elapsed.TotalSeconds);
            }

            times.Sort();
            Console.WriteLine(string.Format(
                inv,
                "{0}: {1} agents × {2} min, {3} runs: median {4:F2}s (min {5:F2}s, max {6:F2}s); last run attempts={7}",
                pacing, agents, minutes, runs, times[times.Count / 2], times[0], times[^1], last!.Attempts));
        }

        return 0;
    }
}

using System.Text.Json;
using ContactOps.Platform.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.Tests.Outbound.Dialer;

/// <summary>`dialer simulate`: JSON shape, determinism and input errors (no database needed).</summary>
public class DialerCliTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var exit = await CliHost.RunAsync(AppModules.Cli, services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Args(string pacing = "predictive", string seed = "4", string agents = "15") =>
        ["dialer", "simulate", "--agents", agents, "--minutes", "60", "--answer-rate", "0.3", "--talk-mean", "180", "--wrap-mean", "20", "--pacing", pacing, "--abandon-target", "0.03", "--seed", seed, "--json"];

    [Fact]
    public async Task Simulate_prints_exactly_the_six_figures()
    {
        Assert.True(CliHost.IsCliInvocation(["dialer", "simulate"], AppModules.Cli));
        var (exit, output, error) = await RunAsync(Args());
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["attempts", "answered", "abandoned", "abandonRate", "occupancy", "meanAgentWaitSeconds"],
            json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        var root = json.RootElement;
        Assert.True(root.GetProperty("attempts").GetInt64() > root.GetProperty("answered").GetInt64());
        Assert.True(root.GetProperty("answered").GetInt64() > 0);
        Assert.InRange(root.GetProperty("occupancy").GetDouble(), 0.05, 1);
        var rate = (double)root.GetProperty("abandoned").GetInt64() / root.GetProperty("answered").GetInt64();
        Assert.Equal(rate, root.GetProperty("abandonRate").GetDouble(), 5);
    }

    [Fact]
    public async Task Same_seed_same_json_for_every_pacer()
    {
        foreach (var pacing in new[] { "predictive", "progressive", "vicidial", "power:2" })
        {
            var first = await RunAsync(Args(pacing));
            var second = await RunAsync(Args(pacing));
            Assert.Equal(0, first.Exit);
            Assert.Equal(first.Out, second.Out);
            Assert.NotEqual(first.Out, (await RunAsync(Args(pacing, seed: "5"))).Out);
        }
    }

    [Theory]
    [InlineData("--agents", "0", "--agents")]
    [InlineData("--answer-rate", "1.5", "--answer-rate")]
    [InlineData("--pacing", "power:x", "power")]
    [InlineData("--pacing", "random", "--pacing")]
    [InlineData("--abandon-target", "3", "--abandon-target")]
    [InlineData("--minutes", "0", "--minutes")]
    [InlineData("--talk-mean", "-1", "--talk-mean")]
    public async Task Bad_input_exits_2_with_a_spanish_message(string option, string value, string mentioned)
    {
        var args = Args().ToList();
        args[args.IndexOf(option) + 1] = value;
        args.Remove("--json");
        var (exit, output, error) = await RunAsync([.. args]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("inválidos", error, StringComparison.Ordinal);
        Assert.Contains(mentioned, error, StringComparison.Ordinal);

        args.Add("--json");
        var asJson = await RunAsync([.. args]);
        Assert.Equal(2, asJson.Exit);
        using var json = JsonDocument.Parse(asJson.Out);
        Assert.Equal("invalid_simulation", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Missing_agents_or_a_non_number_is_a_parse_error_with_exit_2()
    {
        Assert.Equal(2, (await RunAsync("dialer", "simulate", "--minutes", "10")).Exit);
        Assert.Equal(2, (await RunAsync("dialer", "simulate", "--agents", "diez")).Exit);
    }
}

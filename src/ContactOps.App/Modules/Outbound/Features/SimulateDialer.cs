using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The inputs of <c>dialer simulate</c> (and of the pacing benchmark).</summary>
public sealed record SimulateDialerRequest
{
    public int Agents { get; init; }

    public double Minutes { get; init; } = 480;

    /// <summary>Probability that a dialled call is answered (person or machine).</summary>
    public double AnswerRate { get; init; } = 0.3;

    /// <summary>Share of answered calls taken by an answering machine (0 by default: every answer is a person).</summary>
    public double MachineShare { get; init; }

    public double TalkMeanSeconds { get; init; } = 180;

    public double WrapMeanSeconds { get; init; } = 20;

    public double RingMeanSeconds { get; init; } = 12;

    public string Pacing { get; init; } = "predictive";

    public double AbandonTarget { get; init; } = 0.03;

    public int Seed { get; init; } = 1;
}

/// <summary>The JSON of <c>dialer simulate --json</c>, exactly these six fields.</summary>
public sealed record SimulateDialerResponse(long Attempts, long Answered, long Abandoned, double AbandonRate, double Occupancy, double MeanAgentWaitSeconds)
{
    public static SimulateDialerResponse From(SimulationResult r) => new(
        r.Attempts,
        r.Answered,
        r.Abandoned,
        Math.Round(r.AbandonRate, 6),
        Math.Round(r.Occupancy, 6),
        Math.Round(r.MeanAgentWaitSeconds, 3));
}

/// <summary>Validates the inputs and runs one simulated campaign day (no database).</summary>
public static class SimulateDialer
{
    public const int MaxAgents = 5000;
    public const double MaxMinutes = 24 * 60;

    public static Result<SimulationSettings> Validate(SimulateDialerRequest request, out Func<double, IPacer> pacer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Bad(string field, string message) => fields[field] = [message];

        if (request.Agents < 1 || request.Agents > MaxAgents)
        {
            Bad("agents", $"--agents debe ser un entero entre 1 y {MaxAgents}.");
        }

        if (!(request.Minutes >= 1 && request.Minutes <= MaxMinutes))
        {
            Bad("minutes", "--minutes debe estar entre 1 y 1440 (un día).");
        }

        if (!(request.AnswerRate > 0 && request.AnswerRate <= 1))
        {
            Bad("answer-rate", "--answer-rate es una probabilidad: mayor que 0 y hasta 1 (p. ej. 0.3).");
        }

        if (!(request.MachineShare >= 0 && request.MachineShare < 1))
        {
            Bad("machine-share", "--machine-share es una proporción entre 0 y 1 (sin incluir 1).");
        }

        if (!(request.TalkMeanSeconds >= 5 && request.TalkMeanSeconds <= 7200))
        {
            Bad("talk-mean", "--talk-mean (segundos) debe estar entre 5 y 7200.");
        }

        if (!(request.WrapMeanSeconds >= 1 && request.WrapMeanSeconds <= 3600))
        {
            Bad("wrap-mean", "--wrap-mean (segundos) debe estar entre 1 y 3600.");
        }

        if (!(request.RingMeanSeconds >= 1 && request.RingMeanSeconds <= 40))
        {
            Bad("ring-mean", "--ring-mean (segundos) debe estar entre 1 y 40.");
        }

        if (!(request.AbandonTarget > 0 && request.AbandonTarget < 1))
        {
            Bad("abandon-target", "--abandon-target es una fracción mayor que 0 y menor que 1 (0.03 = 3 %).");
        }

        if (!Pacers.TryParse(request.Pacing, out pacer, out var pacingError))
        {
            Bad("pacing", pacingError);
        }

        if (fields.Count > 0)
        {
            return Error.Validation("invalid_simulation", string.Join(" ", fields.Values.SelectMany(v => v))) with { Fields = fields };
        }

        return new SimulationSettings
        {
            Agents = request.Agents,
            Minutes = request.Minutes,
            AbandonTarget = request.AbandonTarget,
            Profile = new SimulationProfile
            {
                AnswerRate = request.AnswerRate,
                MachineShare = request.MachineShare,
                TalkMeanSeconds = request.TalkMeanSeconds,
                WrapMeanSeconds = request.WrapMeanSeconds,
                RingMeanSeconds = request.RingMeanSeconds,
                RingTimeoutSeconds = Math.Max(25, request.RingMeanSeconds * 2),
                Seed = request.Seed,
            },
        };
    }

    public static Result<SimulateDialerResponse> Run(SimulateDialerRequest request)
    {
        var settings = Validate(request, out var pacer);
        if (!settings.IsSuccess)
        {
            return settings.Error!;
        }

        var result = new DialerSimulator(settings.Value!, pacer(request.AbandonTarget)).Run();
        return SimulateDialerResponse.From(result);
    }
}

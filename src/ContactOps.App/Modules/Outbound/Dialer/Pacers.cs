using System.Globalization;

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>Creates pacers for the dial modes and parses the CLI's <c>--pacing</c> values.</summary>
public static class Pacers
{
    /// <summary>A pacer for a campaign's dial mode. Preview has no pacer (the agent dials).</summary>
    public static IPacer Create(DialMode mode, decimal powerRatio, double abandonTarget) => mode switch
    {
        DialMode.Progressive => new ProgressivePacer(),
        DialMode.Power => new PowerPacer(powerRatio),
        DialMode.Predictive => new PredictivePacer(abandonTarget),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Preview dialing has no pacer: the agent dials."),
    };

    /// <summary>
    /// Parses <c>predictive</c>, <c>progressive</c>, <c>vicidial</c> or <c>power:&lt;ratio&gt;</c> (ratio between 1 and 10,
    /// invariant decimal point) into a factory of fresh pacers (pacers keep state: one per run). False with a Spanish
    /// message when the text is not one of them.
    /// </summary>
    public static bool TryParse(string? text, out Func<double, IPacer> factory, out string error)
    {
        factory = _ => new ProgressivePacer();
        error = "";
        var value = (text ?? "").Trim().ToLowerInvariant();
        switch (value)
        {
            case "predictive":
                factory = target => new PredictivePacer(target);
                return true;
            case "progressive":
                factory = _ => new ProgressivePacer();
                return true;
            case "vicidial":
                factory = _ => new VicidialAdaptTaperedPacer();
                return true;
        }

        if (value.StartsWith("power:", StringComparison.Ordinal))
        {
            if (decimal.TryParse(value["power:".Length..], NumberStyles.Number, CultureInfo.InvariantCulture, out var ratio) && ratio >= 1 && ratio <= 10)
            {
                factory = _ => new PowerPacer(ratio);
                return true;
            }

            error = "La razón de --pacing power:<razón> debe ser un número entre 1 y 10 (por ejemplo power:2 o power:1.5).";
            return false;
        }

        error = $"--pacing debe ser predictive, progressive, vicidial o power:<razón>; se recibió \"{text}\".";
        return false;
    }
}

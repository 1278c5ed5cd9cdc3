namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>
/// ContactOps' predictive pacing (the model is written down in docs/dialer.md):
/// <list type="number">
/// <item>Agents free for the calls now ringing or about to be dialled, within the horizon h = mean ring + 2 s:
/// A = ready − waiting + B, where B is the number of talking and wrapping agents that finish within h. Each agent's chance
/// is its conditional probability of finishing given how long it has already been talking / wrapping, from log-normal
/// talk and wrap-up distributions with the measured means (shape σ configurable); B's distribution is their exact
/// Poisson-binomial.</item>
/// <item>With m calls in the pipeline, the number answered by a person is X ~ Binomial(m, answer rate).</item>
/// <item>One more call is abandoned if it is answered while the others took every free agent: its marginal abandon
/// probability is P(X_m ≥ A). Calls are added while that probability is at most λ.</item>
/// <item>λ is set by the abandon budget controller: slack S = T_eff·answered − abandoned (today, and over 30 days; the
/// smaller), T_eff = target·(1 − margin); λ = T_eff·exp(S / s₀), clamped. A surplus of abandons shrinks λ
/// exponentially, a saving lets it grow: the running rate converges to T_eff, below the target.</item>
/// </list>
/// </summary>
public sealed class PredictivePacer : IPacer
{
    private const int AgeTableSeconds = 2 * 3600;
    private const int WrapQuantiles = 12;

    /// <summary>Most calls ringing at once (keeps the binomial in range: (1 − a)^m stays above double's minimum).</summary>
    private const int MaxPipeline = 3000;

    private double[] _talkTable = [];
    private double[] _wrapTable = [];
    private double _tableTalkMean = double.NaN;
    private double _tableWrapMean = double.NaN;
    private double _tableHorizon = double.NaN;
    private double[] _free = new double[64];
    private double[] _freeNext = new double[64];
    private double[] _binomial = new double[256];

    public PredictivePacer(double abandonTarget, double safetyMargin = 0.25, double talkSigma = 0.8, double wrapSigma = 0.5, double slackScale = 4)
    {
        if (!(abandonTarget > 0 && abandonTarget < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(abandonTarget), abandonTarget, "The abandon target must be between 0 and 1.");
        }

        if (!(safetyMargin >= 0 && safetyMargin < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(safetyMargin), safetyMargin, "The safety margin must be in [0, 1).");
        }

        AbandonTarget = abandonTarget;
        SafetyMargin = safetyMargin;
        TalkSigma = talkSigma;
        WrapSigma = wrapSigma;
        SlackScale = slackScale;
    }

    public string Name => "predictive";

    public double AbandonTarget { get; }

    public double SafetyMargin { get; }

    public double TalkSigma { get; }

    public double WrapSigma { get; }

    /// <summary>s₀: abandons of surplus (or saving) that divide (or multiply) λ by e.</summary>
    public double SlackScale { get; }

    /// <summary>The threshold of the last cycle: the largest marginal abandon probability accepted for one more call.</summary>
    public double Lambda { get; private set; }

    /// <summary>Expected agents free within the horizon, last cycle.</summary>
    public double ExpectedFreeAgents { get; private set; }

    public int CallsToPlace(PacingSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var target = s.AbandonTarget > 0 ? s.AbandonTarget : AbandonTarget;
        var effective = target * (1 - SafetyMargin);
        var slack = Math.Min(
            (effective * s.AnsweredToday) - s.AbandonedToday,
            (effective * s.Answered30Days) - s.Abandoned30Days);
        Lambda = Math.Clamp(effective * Math.Exp(slack / SlackScale), effective * 0.02, 0.5);

        // Answer rate: an upper confidence bound (two standard errors) over the calls it was measured on, so a young
        // estimate errs towards fewer calls: at the start of a day the pacer dials about one call per ready agent
        // and opens up as the measurement firms.
        var measured = Math.Clamp(s.AnswerRate, 0.005, 1);
        var observations = Math.Max(1, Math.Max(s.AnsweredToday, s.Answered30Days) / measured);
        var answerRate = Math.Min(1, measured + (2 * Math.Sqrt(measured * (1 - measured) / observations)));
        var horizon = Math.Max(1, s.MeanRingSeconds) + 2;
        EnsureTables(Math.Max(1, s.MeanTalkSeconds), Math.Max(0.5, s.MeanWrapSeconds), horizon);

        // Distribution of agents finishing within the horizon (Poisson-binomial, exact DP).
        var busy = s.TalkAgeSeconds.Count + s.WrapUpAgeSeconds.Count;
        EnsureCapacity(ref _free, busy + 1);
        EnsureCapacity(ref _freeNext, busy + 1);
        Array.Clear(_free, 0, busy + 1);
        _free[0] = 1;
        var support = 0;
        var expected = 0.0;
        foreach (var age in s.TalkAgeSeconds)
        {
            support = AddAgent(Lookup(_talkTable, age), support, ref expected);
        }

        foreach (var age in s.WrapUpAgeSeconds)
        {
            support = AddAgent(Lookup(_wrapTable, age), support, ref expected);
        }

        var baseFree = s.ReadyAgents - s.WaitingAnswered;
        ExpectedFreeAgents = baseFree + expected;

        // Add calls while the marginal one's abandon probability P(X_m >= A) stays within λ.
        var inFlight = Math.Max(0, s.CallsInFlight);
        var limit = (int)Math.Min(MaxPipeline, Math.Ceiling((Math.Max(0, baseFree) + support + 1) / answerRate * 3) + 10);
        var m = inFlight;
        EnsureCapacity(ref _binomial, limit + 2);
        while (m < limit && MarginalAbandon(m, answerRate, baseFree, support) <= Lambda)
        {
            m++;
        }

        return m - inFlight;
    }

    private int AddAgent(double p, int support, ref double expected)
    {
        if (p <= 1e-9)
        {
            return support;
        }

        expected += p;
        _freeNext[0] = _free[0] * (1 - p);
        for (var k = 1; k <= support; k++)
        {
            _freeNext[k] = (_free[k] * (1 - p)) + (_free[k - 1] * p);
        }

        _freeNext[support + 1] = _free[support] * p;
        (_free, _freeNext) = (_freeNext, _free);
        return support + 1;
    }

    /// <summary>P(X ≥ baseFree + B) for X ~ Binomial(m, a) independent of B.</summary>
    private double MarginalAbandon(int m, double a, int baseFree, int support)
    {
        // Binomial pmf of X over 0..m, then the upper tail.
        var pmf = _binomial;
        if (a >= 1)
        {
            Array.Clear(pmf, 0, m + 1);
            pmf[m] = 1;
        }
        else
        {
            pmf[0] = Math.Pow(1 - a, m);
            var ratio = a / (1 - a);
            for (var x = 1; x <= m; x++)
            {
                pmf[x] = pmf[x - 1] * ratio * (m - x + 1) / x;
            }

            if (pmf[0] == 0)
            {
                // (1 − a)^m underflowed: the same recurrence in logarithms, normalised at the end.
                pmf[0] = m * Math.Log(1 - a);
                var max = pmf[0];
                for (var x = 1; x <= m; x++)
                {
                    pmf[x] = pmf[x - 1] + Math.Log(ratio * (m - x + 1) / x);
                    max = Math.Max(max, pmf[x]);
                }

                var sum = 0.0;
                for (var x = 0; x <= m; x++)
                {
                    pmf[x] = Math.Exp(pmf[x] - max);
                    sum += pmf[x];
                }

                for (var x = 0; x <= m; x++)
                {
                    pmf[x] /= sum;
                }
            }
        }

        // tail[k] = P(X >= k), accumulated from the top.
        var result = 0.0;
        var tail = 0.0;
        var x0 = m;
        for (var b = support; b >= 0; b--)
        {
            var need = baseFree + b;
            if (need <= 0)
            {
                result += _free[b];
                continue;
            }

            while (x0 >= need)
            {
                tail += pmf[x0];
                x0--;
            }

            result += _free[b] * tail;
        }

        return result;
    }

    private void EnsureTables(double talkMean, double wrapMean, double horizon)
    {
        if (Close(talkMean, _tableTalkMean) && Close(wrapMean, _tableWrapMean) && Close(horizon, _tableHorizon))
        {
            return;
        }

        _tableTalkMean = talkMean;
        _tableWrapMean = wrapMean;
        _tableHorizon = horizon;
        _talkTable = new double[AgeTableSeconds + 1];
        _wrapTable = new double[AgeTableSeconds + 1];

        var muT = Math.Log(talkMean) - (TalkSigma * TalkSigma / 2);
        var muW = Math.Log(wrapMean) - (WrapSigma * WrapSigma / 2);
        var wraps = new double[WrapQuantiles];
        for (var j = 0; j < WrapQuantiles; j++)
        {
            wraps[j] = Math.Exp(muW + (WrapSigma * Normal.InverseCdf((j + 0.5) / WrapQuantiles)));
        }

        // Survival functions at whole seconds (one erfc each), interpolated in between.
        var span = AgeTableSeconds + (int)Math.Ceiling(horizon) + 2;
        var survivalT = new double[span + 1];
        var survivalW = new double[span + 1];
        for (var x = 0; x <= span; x++)
        {
            survivalT[x] = LogNormalSurvival(x, muT, TalkSigma);
            survivalW[x] = LogNormalSurvival(x, muW, WrapSigma);
        }

        for (var age = 0; age <= AgeTableSeconds; age++)
        {
            // Talking for `age` s: free within h if the rest of the talk plus the wrap-up fit in h.
            var sT = survivalT[age];
            var sum = 0.0;
            foreach (var w in wraps)
            {
                var room = horizon - w;
                if (room > 0)
                {
                    sum += sT > 1e-12 ? (sT - Interpolate(survivalT, age + room)) / sT : 1;
                }
            }

            _talkTable[age] = Math.Clamp(sum / WrapQuantiles, 0, 1);

            // Wrapping for `age` s: free within h if the rest of the wrap-up fits in h.
            var sW = survivalW[age];
            _wrapTable[age] = sW > 1e-12 ? Math.Clamp((sW - Interpolate(survivalW, age + horizon)) / sW, 0, 1) : 1;
        }
    }

    private static double Interpolate(double[] values, double x)
    {
        var i = (int)x;
        if (i >= values.Length - 1)
        {
            return values[^1];
        }

        var f = x - i;
        return (values[i] * (1 - f)) + (values[i + 1] * f);
    }

    private static double Lookup(double[] table, double age)
    {
        var i = (int)Math.Clamp(Math.Round(age), 0, table.Length - 1);
        return table[i];
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 0.02 * Math.Abs(b);

    private static double LogNormalSurvival(double x, double mu, double sigma) =>
        x <= 0 ? 1 : 1 - Normal.Cdf((Math.Log(x) - mu) / sigma);

    private static void EnsureCapacity(ref double[] array, int size)
    {
        if (array.Length < size)
        {
            array = new double[Math.Max(size, array.Length * 2)];
        }
    }
}

/// <summary>The standard normal distribution (no System.Math erf in .NET).</summary>
internal static class Normal
{
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes erfc, fractional error under 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = (poly * t) + c[i];
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>Inverse of <see cref="Cdf"/> (Acklam's rational approximation, relative error under 1.2e-9).</summary>
    public static double InverseCdf(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / Horner(d, q);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner(c, q) / Horner(d, q);
        }

        var r = p - 0.5;
        var s = r * r;
        return Horner(a, s) * r / Horner(b, s);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        foreach (var k in coefficients)
        {
            result = (result * x) + k;
        }

        return result;
    }
}

using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>The <c>dialer</c> verb: <c>dialer simulate</c> runs a simulated campaign day with a pacer (no database).</summary>
internal static class DialerSimulateCli
{
    public static Command Build(CliContext context)
    {
        var dialer = new Command("dialer", "Marcador de campañas salientes");
        var simulate = new Command("simulate", "Simula una jornada de campaña con un método de marcación (sin base de datos; reproducible con --seed).");
        var agents = new Option<int>("--agents") { Description = "Agentes conectados toda la jornada", Required = true };
        var minutes = new Option<double>("--minutes") { Description = "Duración de la jornada en minutos", DefaultValueFactory = _ => 480 };
        var answerRate = new Option<double>("--answer-rate") { Description = "Probabilidad de que contesten (0–1)", DefaultValueFactory = _ => 0.3 };
        var machineShare = new Option<double>("--machine-share") { Description = "Proporción de contestadas por buzón/contestadora (0–1)", DefaultValueFactory = _ => 0 };
        var talkMean = new Option<double>("--talk-mean") { Description = "Conversación media, segundos", DefaultValueFactory = _ => 180 };
        var wrapMean = new Option<double>("--wrap-mean") { Description = "Cierre (tipificación) medio, segundos", DefaultValueFactory = _ => 20 };
        var ringMean = new Option<double>("--ring-mean") { Description = "Timbrado medio hasta contestar, segundos", DefaultValueFactory = _ => 12 };
        var pacing = new Option<string>("--pacing") { Description = "predictive | progressive | vicidial | power:<razón>", DefaultValueFactory = _ => "predictive" };
        var target = new Option<double>("--abandon-target") { Description = "Tasa de abandono objetivo (fracción; 0.03 = 3 %)", DefaultValueFactory = _ => 0.03 };
        var seed = new Option<int>("--seed") { Description = "Semilla de la simulación", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Salida JSON: {\"attempts\",\"answered\",\"abandoned\",\"abandonRate\",\"occupancy\",\"meanAgentWaitSeconds\"}" };
        foreach (var option in new Option[] { agents, minutes, answerRate, machineShare, talkMean, wrapMean, ringMean, pacing, target, seed, json })
        {
            simulate.Options.Add(option);
        }

        simulate.SetAction(parse =>
        {
            var request = new SimulateDialerRequest
            {
                Agents = parse.GetValue(agents),
                Minutes = parse.GetValue(minutes),
                AnswerRate = parse.GetValue(answerRate),
                MachineShare = parse.GetValue(machineShare),
                TalkMeanSeconds = parse.GetValue(talkMean),
                WrapMeanSeconds = parse.GetValue(wrapMean),
                RingMeanSeconds = parse.GetValue(ringMean),
                Pacing = parse.GetValue(pacing) ?? "",
                AbandonTarget = parse.GetValue(target),
                Seed = parse.GetValue(seed),
            };
            var asJson = parse.GetValue(json);
            var result = SimulateDialer.Run(request);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var r = result.Value!;
            if (asJson)
            {
                context.WriteJson(r);
            }
            else
            {
                context.Out.WriteLine(string.Format(
                    CultureInfo.GetCultureInfo("es-CO"),
                    "Intentos {0:N0} · contestadas por persona {1:N0} · abandonadas {2:N0} · tasa de abandono {3:P2} · ocupación {4:P1} · espera media del agente {5:N1} s",
                    r.Attempts,
                    r.Answered,
                    r.Abandoned,
                    r.AbandonRate,
                    r.Occupancy,
                    r.MeanAgentWaitSeconds));
            }

            return ExitCodes.Ok;
        });
        dialer.Subcommands.Add(simulate);
        return dialer;
    }
}

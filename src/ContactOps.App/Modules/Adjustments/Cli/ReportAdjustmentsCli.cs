using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Adjustments.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Adjustments.Cli;

/// <summary><c>report adjustments</c> and <c>report adjustments-top</c>.</summary>
public static class ReportAdjustmentsCli
{
    private static readonly CultureInfo Es = CultureInfo.GetCultureInfo("es-CO");

    public static Command Kpis(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("adjustments", "KPI de la célula de ajustes (rechazados, corregidos, aplicados) sobre los registros de los cortes del periodo.");
        var operation = new Option<string>("--operation") { Description = "Código de la operación (p. ej. adjustments-cell)", Required = true };
        var from = new Option<string>("--from") { Description = "Primer día de corte (AAAA-MM-DD)", Required = true };
        var to = new Option<string>("--to") { Description = "Último día de corte (AAAA-MM-DD, incluido)", Required = true };
        var agent = new Option<string?>("--agent") { Description = "Solo un asesor (login)" };
        var json = new Option<bool>("--json") { Description = "Salida JSON {total, rejected, corrected, applied, rejectedPct, correctedPct, appliedPct, byAgent}" };
        foreach (var option in new Option[] { operation, from, to, agent, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<GetAdjustmentsKpis>()
                .HandleAsync(new AdjustmentsKpisRequest(parse.GetValue(operation), parse.GetValue(from), parse.GetValue(to), parse.GetValue(agent)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var k = result.Value!;
            if (asJson)
            {
                context.WriteJson(k);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(string.Format(Es, "Registros: {0:N0} · rechazados {1:N0} ({2:N2} %) · corregidos {3:N0} ({4:N2} %) · aplicados {5:N0} ({6:N2} %)",
                k.Total, k.Rejected, k.RejectedPct, k.Corrected, k.CorrectedPct, k.Applied, k.AppliedPct));
            foreach (var a in k.ByAgent)
            {
                context.Out.WriteLine(string.Format(Es, "  {0}: {1:N0} registros, {2:N0} rechazados, {3:N0} corregidos, {4:N0} aplicados", a.Login, a.Total, a.Rejected, a.Corrected, a.Applied));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Top(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("adjustments-top", "Top 5 semanal de asesores por ajustes rechazados por el back office (semana ISO).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación (p. ej. adjustments-cell)", Required = true };
        var week = new Option<string>("--week") { Description = "Semana ISO AAAA-Www (p. ej. 2026-W47)", Required = true };
        var json = new Option<bool>("--json") { Description = "Salida JSON {operation, week, from, to, agents:[…]}" };
        foreach (var option in new Option[] { operation, week, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<GetCoachingTop>().HandleAsync(new CoachingTopRequest(parse.GetValue(operation), parse.GetValue(week)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var top = result.Value!;
            if (asJson)
            {
                context.WriteJson(top);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(string.Format(Es, "Semana {0} ({1:yyyy-MM-dd} a {2:yyyy-MM-dd}), operación {3}:", top.Week, top.From, top.To, top.Operation));
            if (top.Agents.Count == 0)
            {
                context.Out.WriteLine("  Sin rechazos en la semana.");
            }

            foreach (var a in top.Agents)
            {
                context.Out.WriteLine(string.Format(Es, "  {0}. {1}: {2:N0} rechazados de {3:N0} ({4:N2} %) · retroalimentación: {5}", a.Rank, a.Login, a.Rejected, a.Total, a.RejectionRate, a.Coaching));
                context.Out.WriteLine("     Motivos: " + string.Join("; ", a.Reasons.Select(r => string.Create(Es, $"{r.Reason} ({r.Count})"))));
                context.Out.WriteLine("     Causales: " + string.Join("; ", a.Causes.Select(c => string.Create(Es, $"{c.Letter} {c.Name} ({c.Count})"))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

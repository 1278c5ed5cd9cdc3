using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;

namespace ContactOps.Modules.Outbound.Cli;

/// <summary>`report kpis --operation X --from AAAA-MM-DD --to AAAA-MM-DD [--team T] [--agent A] [--json]`: the outbound KPIs of a period.</summary>
internal static class ReportKpisCli
{
    public static Command Build(CliContext context)
    {
        var command = new Command("kpis", "Indicadores de una operación saliente en un periodo (fechas locales del cliente, inclusivas).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var from = new Option<string>("--from") { Description = "Primera fecha (AAAA-MM-DD)", Required = true };
        var to = new Option<string>("--to") { Description = "Última fecha (AAAA-MM-DD)", Required = true };
        var team = new Option<string?>("--team") { Description = "Nombre del equipo" };
        var agent = new Option<string?>("--agent") { Description = "Usuario del agente" };
        var json = new Option<bool>("--json") { Description = "Salida JSON" };
        foreach (var option in new Option[] { operation, from, to, team, agent, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<GetOutboundKpis>().HandleAsync(
                new OutboundKpisRequest(parse.GetValue(operation), parse.GetValue(from), parse.GetValue(to), parse.GetValue(team), parse.GetValue(agent)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            var k = result.Value!;
            if (asJson)
            {
                context.WriteJson(new
                {
                    attempts = k.Attempts, answered = k.Answered, contacts = k.Contacts, effectiveContacts = k.EffectiveContacts, sales = k.Sales,
                    leadsReceived = k.LeadsReceived, leadsWorked = k.LeadsWorked, goal = k.Goal, effectiveness = k.Effectiveness,
                    contactability = k.Contactability, baseCoverage = k.BaseCoverage, goalAttainment = k.GoalAttainment, effectiveContactRate = k.EffectiveContactRate,
                });
            }
            else
            {
                var es = CultureInfo.GetCultureInfo("es-CO");
                context.Out.WriteLine(string.Format(es, "Intentos {0:N0} · contestadas {1:N0} · contactos {2:N0} · contactos efectivos {3:N0} · ventas {4:N0}",
                    k.Attempts, k.Answered, k.Contacts, k.EffectiveContacts, k.Sales));
                context.Out.WriteLine(string.Format(es, "Leads recibidos {0:N0} · trabajados {1:N0} · meta {2:N0}", k.LeadsReceived, k.LeadsWorked, k.Goal));
                context.Out.WriteLine(string.Format(es, "Efectividad {0:P2} · contactabilidad {1:P2} · cobertura de base {2:P2} · cumplimiento de meta {3:P2} · tasa de contacto efectivo {4:P2}",
                    k.Effectiveness, k.Contactability, k.BaseCoverage, k.GoalAttainment, k.EffectiveContactRate));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Modules.Outbound.Features;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Outbound;

/// <summary>Wiring of the stats features: services, API endpoints and report verbs.</summary>
internal static class StatsFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<IOutboundReports, OutboundReports>();
        services.AddScoped<GetOutboundKpis>();
        services.AddScoped<GetOutboundHourly>();
        services.AddScoped<ListOutboundAttempts>();
        services.AddScoped<EditSalesGoals>();
        services.AddScoped<Platform.Reporting.IKpiProvider, OutboundKpiProvider>();
    }

    public static void Map(RouteGroupBuilder outbound)
    {
        var reports = outbound.MapGroup("/reports");
        reports.MapGet("/kpis", async (string? operation, string? from, string? to, string? team, string? agent, GetOutboundKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new OutboundKpisRequest(operation, from, to, team, agent), ct)))
            .WithSummary("The outbound KPIs of a period (local dates inclusive), from the hourly pre-aggregated figures")
            .Produces<OutboundKpis>();
        reports.MapGet("/hourly", async (string? operation, string? date, string? format, GetOutboundHourly handler, CancellationToken ct) =>
            {
                if (!string.IsNullOrWhiteSpace(format) && format is not ("json" or "csv"))
                {
                    return ApiResults.Problem(Error.Validation("report.format", "El formato debe ser json o csv.", "format"));
                }

                var result = await handler.HandleAsync(new OutboundHourlyRequest(operation, date), ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result.Error!);
                }

                return format == "csv"
                    ? Results.Text(GetOutboundHourly.Csv(result.Value!), "text/csv; charset=utf-8")
                    : Results.Json(GetOutboundHourly.Json(result.Value!));
            })
            .WithSummary("The hour-by-hour report of one local date (format json or csv)");

        outbound.MapGet("/attempts", async ([AsParameters] AttemptsQuery q, ListOutboundAttempts handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(q.Request, ct)))
            .WithSummary("Raw call attempts behind an outbound figure (operation, from, to, agent?, team?, flag?, hour?; paged)")
            .Produces<Page<OutboundAttemptItem>>();
        outbound.MapGet("/attempts.csv", async ([AsParameters] AttemptsQuery q, ListOutboundAttempts handler, CancellationToken ct) =>
            {
                var result = await handler.CsvAsync(q.Request, ct);
                return result.IsSuccess ? Results.File(System.Text.Encoding.UTF8.GetBytes(result.Value!), "text/csv; charset=utf-8", "intentos.csv") : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The same attempts as CSV");
        outbound.MapGet("/goals", async (string? operation, string? from, string? to, EditSalesGoals handler, CancellationToken ct) =>
                ApiResults.From(await handler.GetAsync(operation, from, to, ct)))
            .WithSummary("The operation's weekday sales goals and the per-date goals of a period")
            .Produces<SalesGoalsView>();
        outbound.MapPut("/goals", async (SalesGoalsUpdate body, EditSalesGoals handler, CancellationToken ct) =>
                ApiResults.From(await handler.SaveAsync(body, ct)))
            .WithSummary("Save weekday goals and per-date overrides (a null goal removes the override)")
            .Produces<SalesGoalsView>();
    }

    internal sealed record AttemptsQuery(string? Operation, string? From, string? To, string? Agent, string? Team, string? Flag, int? Hour, int? Page, int? PageSize)
    {
        public OutboundAttemptsRequest Request => new(Operation, From, To, Agent, Team, Flag, Hour, Page, PageSize);
    }

    public static void RegisterReports(Command report, CliContext context)
    {
        report.Subcommands.Add(Kpis(context));
        report.Subcommands.Add(Hourly(context));
    }

    private static Command Kpis(CliContext context)
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

    private static Command Hourly(CliContext context)
    {
        var command = new Command("hourly", "Informe hora a hora de un día (franja de contacto de la campaña).");
        var operation = new Option<string>("--operation") { Description = "Código de la operación", Required = true };
        var date = new Option<string>("--date") { Description = "Fecha local (AAAA-MM-DD)", Required = true };
        var format = new Option<string>("--format") { Description = "json o csv", DefaultValueFactory = _ => "json" };
        foreach (var option in new Option[] { operation, date, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var fmt = parse.GetValue(format)?.Trim().ToLowerInvariant();
            var asJson = fmt != "csv";
            if (fmt is not ("json" or "csv"))
            {
                return context.Fail(Error.Validation("report.format", "El formato debe ser json o csv.", "format"), true);
            }

            await using var scope = context.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<GetOutboundHourly>().HandleAsync(new OutboundHourlyRequest(parse.GetValue(operation), parse.GetValue(date)), ct);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error!, asJson);
            }

            if (asJson)
            {
                context.WriteJson(GetOutboundHourly.Json(result.Value!));
            }
            else
            {
                context.Out.Write(GetOutboundHourly.Csv(result.Value!));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

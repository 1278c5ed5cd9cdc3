using System.CommandLine;
using ContactOps.Modules.Adjustments.Reports.Cli;
using ContactOps.Modules.Adjustments.Reports.Features;
using ContactOps.Platform;
using ContactOps.Platform.Cli;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Adjustments.Reports;

/// <summary>Weekly coaching (top 5 by rejections, commitments, acknowledgements) and the cell's KPIs (issue 6): `report adjustments-top`, `report adjustments`, charts, XLSX.</summary>
public sealed class AdjustmentsReportsModule : IAppModule, ICliModule
{
    public IEnumerable<string> TopLevelVerbs => ["report"];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetAdjustmentsKpis>();
        services.AddScoped<ListAdjustmentKpiRecords>();
        services.AddScoped<ExportAdjustmentsKpis>();
        services.AddScoped<GetCoachingTop>();
        services.AddScoped<WriteCoachingCommitment>();
        services.AddScoped<AcknowledgeCoaching>();
        services.AddScoped<ListMyCoaching>();
        services.AddScoped<Platform.Reporting.IKpiProvider, AdjustmentsKpiProvider>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/adjustments").WithTags("Adjustments reports");
        group.MapGet("/kpis", async (string? operation, string? from, string? to, string? agent, GetAdjustmentsKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct)))
            .WithSummary("The cell's KPIs over the records of the period's cuts: ?operation=&from=yyyy-MM-dd&to=yyyy-MM-dd&agent=")
            .Produces<AdjustmentsKpis>();
        group.MapGet("/kpis/detail", async (string? operation, string? from, string? to, string? agent, GetAdjustmentsKpis handler, CancellationToken ct) =>
                ApiResults.From(await handler.DetailAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct)))
            .WithSummary("The KPIs plus the breakdowns by ISO week and by cause (what the KPI page charts)")
            .Produces<AdjustmentsKpiDetail>();
        group.MapGet("/kpis/records", async ([Microsoft.AspNetCore.Http.AsParameters] AdjustmentKpiRecordsRequest request, ListAdjustmentKpiRecords handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Drill-down: the period's records, ?operation=&from=&to=&agent=&cause=&week=&flag=rejected|corrected|applied&page=&pageSize=")
            .Produces<Page<AdjustmentKpiRecord>>();
        group.MapGet("/kpis.xlsx", async (string? operation, string? from, string? to, string? agent, ExportAdjustmentsKpis handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new AdjustmentsKpisRequest(operation, from, to, agent), ct);
                return result.IsSuccess
                    ? Results.File(result.Value.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.Value.FileName)
                    : ApiResults.Problem(result.Error!);
            })
            .WithSummary("The KPIs as XLSX: Resumen, Por asesor, Por semana, Por causal, Registros");

        var coaching = group.MapGroup("/coaching");
        coaching.MapGet("/top", async (string? operation, string? week, GetCoachingTop handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(new CoachingTopRequest(operation, week), ct)))
            .WithSummary("The week's top 5 front agents by rejections (?operation=&week=yyyy-Www), reasons, causes, coaching status and improvement")
            .Produces<CoachingTop>();
        coaching.MapPost("/", async (WriteCoachingCommitmentRequest request, WriteCoachingCommitment handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(request, ct)))
            .WithSummary("Write the improvement commitment for an agent of a week's top 5 (supervisor, coordinator, manager)")
            .Produces<CoachingView>();
        coaching.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeCoaching handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, ct)))
            .WithSummary("The agent's «estoy enterado» (only the coached agent, once)")
            .Produces<CoachingView>();
        coaching.MapGet("/mine", async (ListMyCoaching handler, CancellationToken ct) => ApiResults.From(await handler.HandleAsync(ct)))
            .WithSummary("The caller's own coaching records across the operations of their clients, with improvement tracking")
            .Produces<IReadOnlyList<CoachingView>>();
    }

    public void Register(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var report = root.Subcommands.FirstOrDefault(c => c.Name == "report");
        if (report is null)
        {
            report = new Command("report", "Informes");
            root.Subcommands.Add(report);
        }

        report.Subcommands.Add(AdjustmentsReportCommands.Kpis(context));
        report.Subcommands.Add(AdjustmentsReportCommands.Top(context));
    }
}

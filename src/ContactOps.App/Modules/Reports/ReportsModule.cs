using ContactOps.Modules.Reports.Features;
using ContactOps.Platform;
using ContactOps.Platform.Reporting;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;

namespace ContactOps.Modules.Reports;

/// <summary>
/// KPI reports of an operation: each module contributes an <see cref="IKpiProvider"/> section (sales, inbound cases,
/// reconciliation…); this module asks them, draws the page, and exports CSV/XLSX.
/// </summary>
public sealed class ReportsModule : IAppModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<GetKpiReport>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/kpis", async ([AsParameters] KpiReportQuery q, GetKpiReport handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(new KpiReportRequest(q.Operation, q.From, q.To, q.Granularity, q.Team, q.Agent), ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.From(result);
                }

                var report = result.Value!;
                switch (q.Format?.Trim().ToLowerInvariant())
                {
                    case null or "" or "json":
                        return Results.Ok(report);
                    case "csv":
                    {
                        var buffer = new MemoryStream();
                        ExportKpiReport.WriteCsv(report, buffer);
                        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", ExportKpiReport.FileName(report, "csv"));
                    }

                    case "xlsx":
                    {
                        var buffer = new MemoryStream();
                        ExportKpiReport.WriteXlsx(report, buffer);
                        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportKpiReport.FileName(report, "xlsx"));
                    }

                    default:
                        return ApiResults.From(Result.Failure(Error.Invalid("format", "report.format#2")));
                }
            })
            .WithSummary("KPIs of an operation for a period (local dates of the client), by day/week/month, team and agent; format=json|csv|xlsx")
            .Produces<KpiReport>();
    }
}

/// <summary>Query string of <c>GET /api/v1/reports/kpis</c>.</summary>
public sealed record KpiReportQuery(string? Operation, string? From, string? To, string? Granularity, Guid? Team, string? Agent, string? Format);

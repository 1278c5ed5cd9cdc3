using System.Globalization;
using System.Text;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Modules.Outbound.Features;

/// <summary><c>report hourly</c> / GET /api/v1/outbound/reports/hourly: one local date of the client's zone.</summary>
public sealed record OutboundHourlyRequest(string? Operation, string? Date);

public sealed class GetOutboundHourly(AppDbContext db, AccessScope scope, IOutboundReports reports)
{
    public async Task<Result<HourlyReport>> HandleAsync(OutboundHourlyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var date = OutboundReportAccess.Date(request.Date, "date", errors);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var op = await OutboundReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        return await reports.HourlyAsync(db, op.Value!.Id, date!.Value, ct);
    }

    /// <summary>The JSON shape of the issue: {"date","rows":[{"hour","attempts",…,"projectedClose"}]}.</summary>
    public static object Json(HourlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new
        {
            date = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rows = report.Rows.Select(r => new
            {
                hour = r.Hour, attempts = r.Attempts, answered = r.Answered, contacts = r.Contacts, sales = r.Sales, agents = r.Agents,
                salesPerAgentHour = r.SalesPerAgentHour, cumulativeSales = r.CumulativeSales, cumulativeGoalAttainment = r.CumulativeGoalAttainment,
                projectedClose = r.ProjectedClose,
            }),
        };
    }

    /// <summary>CSV with a header (comma separated, invariant numbers).</summary>
    public static string Csv(HourlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("hour,attempts,answered,contacts,sales,agents,salesPerAgentHour,cumulativeSales,cumulativeGoalAttainment,projectedClose\n");
        foreach (var r in report.Rows)
        {
            sb.Append(string.Join(',',
                r.Hour, N(r.Attempts), N(r.Answered), N(r.Contacts), N(r.Sales), N(r.Agents), N(r.SalesPerAgentHour), N(r.CumulativeSales),
                N(r.CumulativeGoalAttainment), N(r.ProjectedClose))).Append('\n');
        }

        return sb.ToString();
    }

    private static string N(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

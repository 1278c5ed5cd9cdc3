using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Modules.Outbound.Features;

/// <summary><c>report kpis</c> / GET /api/v1/outbound/reports/kpis: local dates inclusive; team by name (or id) or agent login.</summary>
public sealed record OutboundKpisRequest(string? Operation, string? From, string? To, string? Team = null, string? Agent = null);

public sealed class GetOutboundKpis(AppDbContext db, AccessScope scope, IOutboundReports reports)
{
    public async Task<Result<OutboundKpis>> HandleAsync(OutboundKpisRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = OutboundReportAccess.Date(request.From, "from", errors);
        var to = OutboundReportAccess.Date(request.To, "to", errors);
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = [Messages.Text("Field.GetOutboundKpis.to")];
            }
            else if (t.DayNumber - f.DayNumber + 1 > OutboundReportAccess.MaxDays)
            {
                errors["to"] = [Messages.Text("Field.GetOutboundKpis.to#2", OutboundReportAccess.MaxDays)];
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var op = await OutboundReportAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var filter = await FilterAsync(db, op.Value!.Id, request.Team, request.Agent, ct);
        if (!filter.IsSuccess)
        {
            return filter.Error!;
        }

        return await reports.KpisAsync(db, op.Value.Id, from!.Value, to!.Value, filter.Value!, ct);
    }

    /// <summary>The team (by name or id, of the operation) and agent (login) filter.</summary>
    public static async Task<Result<OutboundFilter>> FilterAsync(AppDbContext db, Guid operationId, string? team, string? agent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Guid? teamId = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            var name = team.Trim();
            var teams = await OrganizationLookups.TeamNamesAsync(db, operationId, ct);
            var match = teams.Where(x => string.Equals(x.Value, name, StringComparison.OrdinalIgnoreCase)).Select(x => (Guid?)x.Key).FirstOrDefault()
                ?? (Guid.TryParse(name, out var g) && teams.ContainsKey(g) ? g : null);
            if (match is null)
            {
                return Error.Invalid("team", "report.team_unknown", name);
            }

            teamId = match;
        }

        return new OutboundFilter(teamId, string.IsNullOrWhiteSpace(agent) ? null : agent.Trim());
    }
}

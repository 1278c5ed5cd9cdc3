using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Reporting;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Reports.Features;

/// <param name="Operation">Operation code.</param>
/// <param name="From">First local date (yyyy-MM-dd), default: the first day of the current month in the client's zone.</param>
/// <param name="To">Last local date (inclusive), default: today in the client's zone.</param>
/// <param name="Granularity">day, week or month (default day).</param>
/// <param name="Team">Team id filter.</param>
/// <param name="Agent">Agent user name filter.</param>
public sealed record KpiReportRequest(string? Operation, string? From = null, string? To = null, string? Granularity = null, Guid? Team = null, string? Agent = null);

/// <summary>
/// The KPI report of one operation: asks every <see cref="IKpiProvider"/> that applies to the operation's kind.
/// Leaders (supervisor, coordinator, manager, admin) and quality analysts of the operation see it; others are refused.
/// </summary>
public sealed class GetKpiReport(IDbContextFactory<AppDbContext> dbs, AccessScope scope, IEnumerable<IKpiProvider> providers, TimeProvider time)
{
    /// <summary>Longest period a report covers (a year and a bit: a month-by-month view of a year).</summary>
    public const int MaxDays = 400;

    public async Task<Result<KpiReport>> HandleAsync(KpiReportRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Operation))
        {
            return Error.Invalid("operation", "report.operation_required#3");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = request.Operation.Trim();
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.SeesAll && !(scope.RoleIn(operation.Id) is { } role && (Roles.IsLeader(role) || role == Role.QualityAnalyst)))
        {
            return Error.Forbidden("report.forbidden#3");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = ParseDate(request.From, new DateOnly(today.Year, today.Month, 1), "from", errors);
        var to = ParseDate(request.To, today, "to", errors);
        var granularity = KpiGranularity.Day;
        if (!string.IsNullOrWhiteSpace(request.Granularity) && !Enum.TryParse(request.Granularity.Trim(), true, out granularity) || !Enum.IsDefined(granularity))
        {
            errors["granularity"] = [Messages.Text("Field.GetKpiReport.granularity")];
        }

        if (errors.Count == 0 && to < from)
        {
            errors["to"] = [Messages.Text("Field.GetKpiReport.to")];
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            errors["to"] = [Messages.Text("Field.GetKpiReport.to#2", MaxDays)];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var members = await (from m in db.Memberships.IgnoreQueryFilters().AsNoTracking()
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where m.OperationId == operation.Id
                            select new { u.Id, u.UserName, u.DisplayName, m.TeamId, m.Role }).ToListAsync(ct);
        var agents = members.Select(r => new AgentRow(r.Id, r.UserName!, r.DisplayName, r.TeamId, r.Role)).ToList();
        var agentMap = agents.GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => new KpiAgent(g.Key, g.First().Name, g.First().TeamId));
        var teams = await OrganizationLookups.TeamNamesAsync(db, operation.Id, ct);

        if (request.Team is { } teamId && !teams.ContainsKey(teamId))
        {
            return Error.Invalid("team", "report.team_unknown#2");
        }

        Guid? agentId = null;
        if (!string.IsNullOrWhiteSpace(request.Agent))
        {
            var name = request.Agent.Trim();
            agentId = await (from m in db.Memberships.IgnoreQueryFilters()
                             join u in db.Users on m.UserId equals u.Id
                             where m.OperationId == operation.Id && u.UserName == name
                             select (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (agentId is null)
            {
                return Error.Invalid("agent", "report.agent_unknown", name);
            }
        }

        var query = new KpiQuery
        {
            ClientId = client.Id,
            OperationId = operation.Id,
            OperationCode = operation.Code,
            OperationKind = operation.Kind,
            Zone = zone,
            Currency = client.Currency,
            From = from,
            To = to,
            Granularity = granularity,
            TeamId = request.Team,
            AgentUserId = agentId,
            Agents = agentMap,
            Teams = teams,
            Targets = await OrganizationLookups.KpiTargetsAsync(db, operation.Id, ct),
            Buckets = KpiBuckets.Between(from, to, granularity),
        };

        var sections = new List<KpiSection>();
        foreach (var provider in providers.Where(p => p.AppliesTo(operation.Kind)).OrderBy(p => p.Order))
        {
            if (await provider.ComputeAsync(db, query, ct) is { } section)
            {
                sections.Add(section);
            }
        }

        var teamOptions = teams.OrderBy(t => t.Value, StringComparer.CurrentCulture).Select(t => new KpiOption(t.Key.ToString(), t.Value)).ToList();
        var agentOptions = agents.Where(a => a.Role is Role.Agent or Role.BackOffice).GroupBy(a => a.UserName).Select(g => g.First())
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new KpiOption(a.UserName, a.Name)).ToList();
        return new KpiReport(operation.Code, operation.Name, client.TimeZoneId, client.Currency, from, to, granularity, query.Buckets, sections, teamOptions, agentOptions);
    }

    private sealed record AgentRow(Guid UserId, string UserName, string Name, Guid? TeamId, Role Role);

    private static DateOnly ParseDate(string? text, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [Messages.Text("Field.GetKpiReport.field", text)];
        return fallback;
    }
}

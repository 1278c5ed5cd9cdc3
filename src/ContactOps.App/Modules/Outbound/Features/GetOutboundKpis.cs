using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary><c>report kpis</c> / GET /api/v1/outbound/reports/kpis: local dates inclusive; team by name (or id) or agent login.</summary>
public sealed record OutboundKpisRequest(string? Operation, string? From, string? To, string? Team = null, string? Agent = null);

/// <summary>The operation resolved for an outbound report, with the caller's right to see it.</summary>
public sealed record ReportOperation(Guid Id, Guid ClientId, string Code, string Name, TimeZoneInfo Zone);

/// <summary>Who may read the outbound reports: leaders (supervisor, coordinator, manager, admin) and quality of the operation; the system.</summary>
public static class OutboundReportAccess
{
    public const int MaxDays = 400;

    public static async Task<Result<ReportOperation>> OperationAsync(AppDbContext db, AccessScope scope, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Validation("report.operation_required", "Indique la operación (código, p. ej. devices-outbound).", "operation");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found", $"No existe la operación «{c}».");
        }

        if (!scope.SeesAll && !(scope.RoleIn(op.Id) is { } role && (Roles.IsLeader(role) || role == Role.QualityAnalyst)))
        {
            return Error.Forbidden("report.forbidden", "Los informes de la operación son para supervisores, coordinadores, gerentes, calidad y administradores.");
        }

        if (op.Kind != OperationKind.Outbound)
        {
            return Error.Validation("report.not_outbound", $"La operación «{c}» no es de campañas salientes.", "operation");
        }

        return new ReportOperation(op.Id, op.ClientId, op.Code, op.Name, await StatsLookups.ZoneAsync(db, op.ClientId, ct));
    }

    /// <summary>A required yyyy-MM-dd date, or a field error.</summary>
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["Indique la fecha (AAAA-MM-DD)."];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors[field] = [$"«{text}» no es una fecha con formato AAAA-MM-DD."];
        return null;
    }
}

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
                errors["to"] = ["La fecha final no puede ser anterior a la inicial."];
            }
            else if (t.DayNumber - f.DayNumber + 1 > OutboundReportAccess.MaxDays)
            {
                errors["to"] = [$"El periodo no puede pasar de {OutboundReportAccess.MaxDays} días."];
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
                return Error.Validation("report.team_unknown", $"El equipo «{name}» no pertenece a la operación.", "team");
            }

            teamId = match;
        }

        return new OutboundFilter(teamId, string.IsNullOrWhiteSpace(agent) ? null : agent.Trim());
    }
}

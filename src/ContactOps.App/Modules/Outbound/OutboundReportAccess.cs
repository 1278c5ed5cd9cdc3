using ContactOps.Platform.Localization;
using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

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
            return Error.Invalid("operation", "report.operation_required#2");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found#2", c);
        }

        if (!scope.SeesAll && !(scope.RoleIn(op.Id) is { } role && (Roles.IsLeader(role) || role == Role.QualityAnalyst)))
        {
            return Error.Forbidden("report.forbidden#2");
        }

        if (op.Kind != OperationKind.Outbound)
        {
            return Error.Invalid("operation", "report.not_outbound", c);
        }

        return new ReportOperation(op.Id, op.ClientId, op.Code, op.Name, await StatsLookups.ZoneAsync(db, op.ClientId, ct));
    }

    /// <summary>A required yyyy-MM-dd date, or a field error.</summary>
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [Messages.Text("Field.OutboundReportAccess.field")];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Platform.Calendar.PlausibleDates.Contains(d))
        {
            return d;
        }

        errors[field] = [Messages.Text("Field.OutboundReportAccess.field#2", text)];
        return null;
    }
}

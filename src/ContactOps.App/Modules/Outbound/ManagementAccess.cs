using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>Who may see and generate the management reports of an operation, how an operation code is resolved, and how a kept run is shown.</summary>
public static class ManagementAccess
{
    public static readonly Role[] Roles = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.DataMarshall, Role.Admin];

    /// <summary>The operation by code or id (404 when the caller cannot see it, 403 when they see it without a managing role).</summary>
    public static async Task<Result<(Operation Operation, Client Client)>> OperationAsync(AppDbContext db, AccessScope scope, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "management.operation_required");
        }

        var trimmed = code.Trim();
        var operation = Guid.TryParse(trimmed, out var id)
            ? await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == trimmed, ct);
        if (operation is null)
        {
            return Error.NotFound("operation.not_found#2", trimmed);
        }

        if (!scope.HasRole(operation.Id, Roles))
        {
            return Error.Forbidden("management.forbidden#2");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == operation.ClientId, ct);
        return (operation, client);
    }

    /// <summary>The content type of a kept report's file.</summary>
    public static string ContentType(string format) => format == ManagementReport.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>A kept run as lists show it.</summary>
    internal static ManagementRunItem Item(ManagementReportRun r, string operationCode) =>
        new(r.Id, operationCode, r.Date, r.BaseId, r.Format, r.Trigger.ToString(), r.GeneratedBy, r.GeneratedAt, r.Rows, r.FileName, r.Length);
}

/// <summary>A kept report as lists show it.</summary>
public sealed record ManagementRunItem(Guid Id, string Operation, DateOnly Date, Guid? BaseId, string Format, string Trigger, string GeneratedBy, DateTimeOffset GeneratedAt, long Rows, string FileName, long Length);

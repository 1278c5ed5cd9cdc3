using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>An operation as the outbound policy screens see it.</summary>
public sealed record PolicyOperation(Guid Id, Guid ClientId, string Code, Country Country, string TimeZoneId);

/// <summary>Resolves an operation code the caller may see (404 otherwise) and checks roles.</summary>
public static class PolicyOperations
{
    public static readonly Role[] Editors = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    public static async Task<Result<PolicyOperation>> FindAsync(AppDbContext db, AccessScope scope, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "operation.required#3");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().Where(o => o.Code == c).Select(o => new { o.Id, o.ClientId, o.Code }).FirstOrDefaultAsync(ct);
        if (op is null || !scope.CanSeeOperation(op.Id))
        {
            return Error.NotFound("operation.not_found", c);
        }

        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == op.ClientId).Select(x => new { x.Country, x.TimeZoneId }).FirstAsync(ct);
        return new PolicyOperation(op.Id, op.ClientId, op.Code, client.Country, client.TimeZoneId);
    }

    public static Result RequireEditor(AccessScope scope, Guid operationId) =>
        scope.HasRole(operationId, Editors) ? Result.Success()
        : Error.Forbidden("outbound.settings_forbidden");
}

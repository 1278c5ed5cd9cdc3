using System.Globalization;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>Lookups shared by the adjustments use cases.</summary>
public static class AdjustmentLookups
{
    /// <summary>An operation of the caller by code (400 without one, 404 when unknown or not theirs, 403 without one of the roles).</summary>
    public static async Task<Result<Operation>> OperationAsync(AppDbContext db, AccessScope scope, string? code, Role[] roles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "operation.required");
        }

        var c = code.Trim();
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found", c);
        }

        return scope.HasRole(op.Id, roles) ? op : Error.Forbidden("adjustment.forbidden");
    }

    public static async Task<AdjustmentContext> ContextAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var op = await db.Operations.AsNoTracking().FirstAsync(o => o.Id == operationId, ct);
        var cal = await OperationCatalog.CalendarAsync(db, op.ClientId, ct) ?? throw new InvalidOperationException("The client of a visible operation must be visible.");
        var settings = await db.AdjustmentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OperationId == operationId, ct)
            ?? new AdjustmentSettings(op.ClientId, op.Id);
        return new AdjustmentContext(op, cal.Client, cal.Calendar, settings);
    }

    /// <summary>The amount as the customer hears it (es-CO, no decimals when whole): "$ 45.000".</summary>
    public static string Money(decimal? amount, string currency) =>
        amount is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{amount.Value.ToString(amount.Value == decimal.Truncate(amount.Value) ? "N0" : "N2", CultureInfo.GetCultureInfo("es-CO"))} {currency}").Trim();
}

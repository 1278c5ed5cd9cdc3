using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>Body of PUT /api/v1/devices/settings.</summary>
public sealed record DeviceSettingsRequest(string? Operation, int? StaleAfterDays);

public sealed record DeviceSettingsView(string Operation, int StaleAfterDays);

/// <summary>The device back office's settings of an operation: days without delivery news before a sale is flagged (default 3).</summary>
public sealed class ManageDeviceSettings(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public static readonly Role[] EditRoles = [Role.Supervisor, Role.Coordinator, Role.Manager, Role.Admin];

    internal static async Task<int> StaleAfterDaysAsync(AppDbContext db, Guid operationId, CancellationToken ct) =>
        await db.DeviceBackOfficeSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.OperationId == operationId)
            .Select(s => (int?)s.StaleAfterDays).FirstOrDefaultAsync(ct) ?? DeviceBackOfficeSettings.DefaultStaleAfterDays;

    public async Task<Result<DeviceSettingsView>> GetAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        return new DeviceSettingsView(op.Value!.Code, await StaleAfterDaysAsync(db, op.Value.Id, ct));
    }

    public async Task<Result<DeviceSettingsView>> SetAsync(DeviceSettingsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, request.Operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        if (!scope.SeesAll && !scope.HasRole(operation.Id, EditRoles))
        {
            return Error.Forbidden("devices.settings_forbidden");
        }

        if (request.StaleAfterDays is not (>= 1 and <= 60))
        {
            return Error.Invalid("staleAfterDays", "devices.stale_days_invalid");
        }

        var settings = await db.DeviceBackOfficeSettings.FirstOrDefaultAsync(s => s.OperationId == operation.Id, ct);
        if (settings is null)
        {
            db.DeviceBackOfficeSettings.Add(new DeviceBackOfficeSettings(operation.ClientId, operation.Id, request.StaleAfterDays.Value));
        }
        else
        {
            settings.StaleAfterDays = request.StaleAfterDays.Value;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // The operation's first settings saved by someone else at the same time: the unique index lets one through.
            return Error.Conflict("devices.settings_saved_concurrently");
        }

        return new DeviceSettingsView(operation.Code, request.StaleAfterDays.Value);
    }
}

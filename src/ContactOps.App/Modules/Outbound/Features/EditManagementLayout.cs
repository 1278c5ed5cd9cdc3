using System.Globalization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The layout of an operation as the editor and the API show it (schedule "HH:mm" in the client's zone, or null).</summary>
public sealed record ManagementLayoutView(string Operation, IReadOnlyList<ManagementColumn> Columns, string Format, string? ScheduleAt, bool SchedulePreviousDay, string TimeZone, IReadOnlyList<string> Fields);

/// <summary>Body of PUT /api/v1/outbound/management/layout.</summary>
public sealed record SaveManagementLayoutRequest(string? Operation, IReadOnlyList<ManagementColumn>? Columns, string? Format, string? ScheduleAt, bool SchedulePreviousDay);

/// <summary>Read and save an operation's carrier layout and daily schedule (the default layout until one is saved).</summary>
public sealed class EditManagementLayout(AppDbContext db, AccessScope scope, IManagementSchedule schedule)
{
    public async Task<Result<ManagementLayoutView>> GetAsync(string? operation, CancellationToken ct)
    {
        var resolved = await ManagementAccess.OperationAsync(db, scope, operation, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (op, client) = resolved.Value;
        var layout = await db.ManagementLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.OperationId == op.Id, ct);
        return View(op.Code, client.TimeZoneId, layout);
    }

    public async Task<Result<ManagementLayoutView>> SaveAsync(SaveManagementLayoutRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ManagementAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (op, client) = resolved.Value;
        var columns = (request.Columns ?? []).Select(c => new ManagementColumn((c.Field ?? "").Trim(), (c.Header ?? "").Trim())).ToList();
        if (ManagementFields.Validate(columns) is { } problem)
        {
            return Error.Invalid("columns", "management.layout", problem);
        }

        var format = (request.Format ?? ManagementReport.Csv).Trim().ToLowerInvariant();
        if (format is not (ManagementReport.Csv or ManagementReport.Xlsx))
        {
            return Error.Invalid("format", "management.format#2");
        }

        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(request.ScheduleAt))
        {
            if (!TimeOnly.TryParseExact(request.ScheduleAt.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Error.Invalid("scheduleAt", "management.schedule");
            }

            at = parsed;
        }

        var layout = await db.ManagementLayouts.FirstOrDefaultAsync(l => l.OperationId == op.Id, ct);
        if (layout is null)
        {
            layout = new ManagementLayout(op.ClientId, op.Id);
            db.ManagementLayouts.Add(layout);
        }

        layout.SetColumns(columns);
        layout.Format = format;
        layout.ScheduleAt = at;
        layout.SchedulePreviousDay = request.SchedulePreviousDay;
        await db.SaveChangesAsync(ct);
        await schedule.RefreshAsync(op.Id, ct);
        return View(op.Code, client.TimeZoneId, layout);
    }

    private static ManagementLayoutView View(string code, string zone, ManagementLayout? layout) => new(
        code,
        layout?.Columns() ?? ManagementFields.DefaultLayout,
        layout?.Format ?? ManagementReport.Csv,
        layout?.ScheduleAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        layout?.SchedulePreviousDay ?? false,
        zone,
        [.. ManagementFields.Fixed.Keys, ManagementFields.AllAttributes]);
}

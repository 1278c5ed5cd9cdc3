using System.Globalization;
using System.IO.Compression;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContactOps.Modules.Sales.Features;

/// <summary>Which file of a run to download.</summary>
public enum LegalizationFilePart
{
    Zip,
    Xlsx,
}

/// <summary>The runs of an operation (newest first), and a run's files for download (each download audited).</summary>
public sealed class BrowseLegalizationRuns(AppDbContext db, IFileStorage storage, AuditLog audit, AccessScope scope)
{
    public sealed record RunRow(Guid Id, string Month, DateTimeOffset RunAt, string RunBy, int Legalizable, int Exported, int Blocking, int Devices, string ZipFileName, string? XlsxFileName);

    public async Task<Result<IReadOnlyList<RunRow>>> ListAsync(string? operation, CancellationToken ct)
    {
        var code = operation?.Trim() ?? "";
        var op = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (op is null)
        {
            return Error.NotFound("operation.not_found#2", code);
        }

        if (!scope.HasRole(op.Id, LegalizationPlanner.LegalizerRoles))
        {
            return Error.Forbidden("legalization.forbidden");
        }

        var rows = await db.LegalizationRuns.AsNoTracking().Where(r => r.OperationId == op.Id).OrderByDescending(r => r.RunAt).Take(100)
            .Select(r => new RunRow(r.Id, r.Month, r.RunAt, r.RunBy, r.Legalizable, r.Exported, r.Blocking, r.Devices, r.ZipFileName, r.XlsxFileName))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<Result<AttachmentContent>> OpenAsync(Guid runId, LegalizationFilePart part, CancellationToken ct)
    {
        var run = await db.LegalizationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return Error.NotFound("legalization.run_not_found");
        }

        if (!scope.HasRole(run.OperationId, LegalizationPlanner.LegalizerRoles))
        {
            return Error.Forbidden("legalization.forbidden");
        }

        var (key, name, type) = part == LegalizationFilePart.Zip
            ? (run.ZipStorageKey, run.ZipFileName, "application/zip")
            : (run.XlsxStorageKey, run.XlsxFileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        if (key is null || name is null)
        {
            return Error.NotFound("legalization.no_devices_report");
        }

        var stream = await storage.OpenReadAsync(key, ct);
        if (stream is null)
        {
            return Error.Failure("legalization.missing_file", name);
        }

        await audit.AppendAsync(db, run.ClientId, run.OperationId, nameof(LegalizationRun), run.Id.ToString(), AuditAction.FileDownloaded, new { file = name, month = run.Month }, ct);
        return new AttachmentContent(stream, name, type);
    }
}

using System.Globalization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>Ask for the daily management report of an operation for a local date (yyyy-MM-dd); a base (id) or every open base; csv|xlsx (default: the layout's).</summary>
public sealed record ManagementReportRequest(string? Operation, string? Date, Guid? BaseId = null, string? Format = null);

/// <summary>
/// Generates the daily management report: every lead of the base(s) with its state at the end of the date, in the
/// operation's layout; keeps the file encrypted in the storage (<see cref="FileVault"/>: it holds documents and phones) and a run record (operation, date, rows, file key, when, who).
/// </summary>
public sealed class GenerateManagementReport(AppDbContext db, AccessScope scope, FileVaults vaults, TimeProvider time)
{
    private readonly FileVault _vault = vaults.For(VaultPurposes.ManagementReports);

    public async Task<Result<ManagementRunItem>> HandleAsync(ManagementReportRequest request, ManagementTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ManagementAccess.OperationAsync(db, scope, request.Operation, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (operation, client) = resolved.Value;
        if (!DateOnly.TryParseExact(request.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Error.Invalid("date", "management.date");
        }

        var layout = await db.ManagementLayouts.AsNoTracking().FirstOrDefaultAsync(l => l.OperationId == operation.Id, ct);
        var format = (request.Format ?? layout?.Format ?? ManagementReport.Csv).Trim().ToLowerInvariant();
        if (format is not (ManagementReport.Csv or ManagementReport.Xlsx))
        {
            return Error.Invalid("format", "management.format#2");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var end = ManagementReport.EndOf(date, zone);
        if (request.BaseId is { } baseId && !await db.LeadBases.AnyAsync(b => b.Id == baseId && b.OperationId == operation.Id, ct))
        {
            return Error.NotFound("management.base_not_found");
        }

        var bases = await ManagementReport.BasesAsync(db, operation.Id, request.BaseId, end, ct);
        var selection = new ManagementSelection(client.Id, operation.Id, operation.Code, date, bases, zone, end);
        var columns = layout?.Columns() ?? ManagementFields.DefaultLayout;

        long rows;
        StoredFile stored;
        await using (var file = PrivateTempFile.Create("contactops-management-"))
        {
            rows = await ManagementReport.WriteAsync(db, selection, columns, format, file, ct);
            file.Position = 0;
            stored = await _vault.StoreAsync(file, ct);
        }

        var run = new ManagementReportRun(client.Id, operation.Id, date, request.BaseId, format, trigger, scope.UserId, scope.UserName)
        {
            GeneratedAt = time.GetUtcNow(),
            Rows = rows,
            FileKey = stored.Key,
            FileName = FileName(operation.Code, date, format),
            Length = stored.Length,
            Sha256 = stored.Sha256,
        };
        db.ManagementReportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return ManagementAccess.Item(run, operation.Code);
    }

    /// <summary>The same generation written to a path as well (the CLI's --out).</summary>
    public async Task<Result<ManagementRunItem>> HandleToFileAsync(ManagementReportRequest request, string outPath, ManagementTrigger trigger, CancellationToken ct)
    {
        var result = await HandleAsync(request, trigger, ct);
        if (!result.IsSuccess)
        {
            return result;
        }

        var run = await db.ManagementReportRuns.AsNoTracking().FirstAsync(r => r.Id == result.Value!.Id, ct);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var target = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        if (!await _vault.RestoreAsync(run.FileKey, target, ct))
        {
            throw new InvalidOperationException("El informe recién generado no está en el almacenamiento.");
        }

        return result;
    }

    public static string FileName(string operationCode, DateOnly date, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"gestion_{operationCode}_{date:yyyyMMdd}.{format}");
}

/// <summary>Body of POST /api/v1/outbound/management/runs.</summary>
public sealed record GenerateManagementBody(string? Operation, string? Date, Guid? BaseId, string? Format);

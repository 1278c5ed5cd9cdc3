using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A kept report's content for download.</summary>
public sealed record ManagementFile(Stream Content, string FileName, string ContentType);

/// <summary>The kept management reports of an operation: list (newest first) and download (every download is audited).</summary>
public sealed class ManagementRuns(AppDbContext db, AccessScope scope, IFileStorage storage, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<ManagementRunItem>>> ListAsync(string? operation, int take, CancellationToken ct)
    {
        var resolved = await ManagementAccess.OperationAsync(db, scope, operation, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var op = resolved.Value.Operation;
        var runs = await db.ManagementReportRuns.AsNoTracking().Where(r => r.OperationId == op.Id)
            .OrderByDescending(r => r.GeneratedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return runs.Select(r => Item(r, op.Code)).ToList();
    }

    public async Task<Result<ManagementFile>> DownloadAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.ManagementReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return Error.NotFound("management.run_not_found", "No se encontró el informe de gestión.");
        }

        if (!scope.HasRole(run.OperationId, ManagementAccess.Roles))
        {
            return Error.Forbidden("management.forbidden", "Solo el supervisor, el coordinador, el gerente, el data marshall o el administrador de la operación descargan el informe de gestión.");
        }

        var content = await storage.OpenReadAsync(run.FileKey, ct);
        if (content is null)
        {
            return Error.NotFound("management.file_gone", "El archivo del informe ya no está en el almacenamiento.");
        }

        await audit.AppendAsync(db, run.ClientId, run.OperationId, nameof(ManagementReportRun), run.Id.ToString(), AuditAction.FileDownloaded,
            new { file = run.FileName, date = run.Date, rows = run.Rows }, ct);
        return new ManagementFile(content, run.FileName, ContentType(run.Format));
    }

    public static string ContentType(string format) => format == ManagementReport.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    internal static ManagementRunItem Item(ManagementReportRun r, string operationCode) =>
        new(r.Id, operationCode, r.Date, r.BaseId, r.Format, r.Trigger.ToString(), r.GeneratedBy, r.GeneratedAt, r.Rows, r.FileName, r.Length);
}

using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A kept report's content for download.</summary>
public sealed record ManagementFile(Stream Content, string FileName, string ContentType);

/// <summary>Downloads a kept management report, decrypted (every download is audited).</summary>
public sealed class DownloadManagementRun(AppDbContext db, AccessScope scope, FileVaults vaults, AuditLog audit)
{
    private readonly FileVault _vault = vaults.For(VaultPurposes.ManagementReports);

    public async Task<Result<ManagementFile>> HandleAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.ManagementReportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return Error.NotFound("management.run_not_found");
        }

        if (!scope.HasRole(run.OperationId, ManagementAccess.Roles))
        {
            return Error.Forbidden("management.forbidden");
        }

        var content = await _vault.OpenAsync(run.FileKey, ct);
        if (content is null)
        {
            return Error.NotFound("management.file_gone");
        }

        await audit.AppendAsync(db, run.ClientId, run.OperationId, nameof(ManagementReportRun), run.Id.ToString(), AuditAction.FileDownloaded,
            new { file = run.FileName, date = run.Date, rows = run.Rows }, ct);
        return new ManagementFile(content, run.FileName, ManagementAccess.ContentType(run.Format));
    }
}

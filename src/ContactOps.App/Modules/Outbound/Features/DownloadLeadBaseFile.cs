using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>The decrypted received file of a base, in a temporary file deleted when the stream is closed.</summary>
public sealed record LeadBaseFile(Stream Content, string FileName);

/// <summary>The received file of a base, decrypted; every read is written to the audit trail.</summary>
public sealed class DownloadLeadBaseFile(AppDbContext db, AccessScope scope, AuditLog audit, LeadFileVault vault)
{
    public async Task<Result<LeadBaseFile>> HandleAsync(Guid baseId, CancellationToken ct)
    {
        var leadBase = await db.LeadBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseId, ct);
        if (leadBase is null)
        {
            return Error.NotFound("leads.base_not_found");
        }

        if (!LeadAccess.CanManageBases(scope, leadBase.OperationId))
        {
            return Error.Forbidden("leads.forbidden#2");
        }

        if (leadBase.StoredFileKey is null)
        {
            return Error.NotFound("leads.file_gone");
        }

        var temp = PrivateTempFile.Create("contactops-leadfile-out-");
        try
        {
            if (!await vault.RestoreAsync(leadBase.StoredFileKey, temp, ct))
            {
                await temp.DisposeAsync();
                return Error.NotFound("leads.file_gone#2");
            }
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }

        await audit.AppendAsync(db, leadBase.ClientId, leadBase.OperationId, nameof(LeadBase), leadBase.Id.ToString(), AuditAction.FileDownloaded, new { file = leadBase.FileName, length = temp.Length }, ct);
        temp.Position = 0;
        return new LeadBaseFile(temp, leadBase.FileName);
    }
}

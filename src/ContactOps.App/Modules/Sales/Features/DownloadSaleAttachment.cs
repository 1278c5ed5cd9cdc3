using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>An opened attachment: the caller streams it and disposes it.</summary>
public sealed record AttachmentContent(Stream Content, string FileName, string ContentType);

/// <summary>Opens an attachment for download; every read is written to the audit trail (who downloaded which file).</summary>
public sealed class DownloadSaleAttachment(AppDbContext db, IFileStorage storage, AuditLog audit)
{
    public async Task<Result<AttachmentContent>> HandleAsync(Guid saleId, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Set<SaleAttachment>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.SaleId == saleId, ct);
        if (attachment is null || !await db.Sales.AnyAsync(s => s.Id == saleId, ct))
        {
            return Error.NotFound("attachment.not_found");
        }

        var stream = await storage.OpenReadAsync(attachment.StorageKey, ct);
        if (stream is null)
        {
            return Error.Failure("attachment.missing_file", attachment.FileName);
        }

        try
        {
            await audit.AppendAsync(db, attachment.ClientId, attachment.OperationId, nameof(SaleAttachment), attachment.Id.ToString(), AuditAction.FileDownloaded,
                new { sale = saleId, file = attachment.FileName, kind = attachment.Kind.ToString(), attachment.Sha256 }, ct);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new AttachmentContent(stream, attachment.FileName, attachment.ContentType);
    }
}

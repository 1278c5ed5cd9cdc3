using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The attachments of a sale (a sale of another client or operation is not found).</summary>
public sealed class ListSaleAttachments(AppDbContext db)
{
    public async Task<Result<IReadOnlyList<SaleAttachmentView>>> HandleAsync(Guid saleId, CancellationToken ct)
    {
        if (!await db.Sales.AnyAsync(s => s.Id == saleId, ct))
        {
            return Error.NotFound("sale.not_found");
        }

        var rows = await db.Set<SaleAttachment>().AsNoTracking().Where(a => a.SaleId == saleId)
            .OrderByDescending(a => a.UploadedAt).ThenBy(a => a.FileName).ToListAsync(ct);
        return rows.Select(SaleAttachmentView.From).ToList();
    }
}

using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleAttachmentConfiguration : IEntityTypeConfiguration<SaleAttachment>
{
    public void Configure(EntityTypeBuilder<SaleAttachment> b)
    {
        b.ToTable("SaleAttachments");
        b.HasKey(x => x.Id);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(80);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.Ignore(x => x.Extension);
        b.HasIndex(x => new { x.SaleId, x.Kind });
        b.HasIndex(x => new { x.OperationId, x.Kind });
    }
}

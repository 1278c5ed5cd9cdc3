using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Attachments;
using ContactOps.Modules.Sales.Legalization;
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

internal sealed class LegalizationLayoutConfiguration : IEntityTypeConfiguration<LegalizationLayout>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LegalizationLayout> b)
    {
        b.ToTable("LegalizationLayouts");
        b.HasKey(x => x.Id);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ClientId, x.Kind }).IsUnique();
        b.Property(x => x.Columns)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<LegalizationColumn>>(v, Json) ?? new List<LegalizationColumn>())
            .HasMaxLength(4000)
            .Metadata.SetValueComparer(new ValueComparer<List<LegalizationColumn>>(
                (a, c) => a!.SequenceEqual(c!),
                v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
                v => v.ToList()));
    }
}

internal sealed class LegalizationRunConfiguration : IEntityTypeConfiguration<LegalizationRun>
{
    public void Configure(EntityTypeBuilder<LegalizationRun> b)
    {
        b.ToTable("LegalizationRuns");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.RunBy).HasMaxLength(200);
        b.Property(x => x.ZipFileName).HasMaxLength(200);
        b.Property(x => x.ZipStorageKey).HasMaxLength(200);
        b.Property(x => x.XlsxFileName).HasMaxLength(200);
        b.Property(x => x.XlsxStorageKey).HasMaxLength(200);
        b.HasIndex(x => new { x.OperationId, x.Month, x.RunAt });
    }
}

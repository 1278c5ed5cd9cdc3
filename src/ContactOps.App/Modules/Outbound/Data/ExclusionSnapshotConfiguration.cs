using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class ExclusionSnapshotConfiguration : IEntityTypeConfiguration<ExclusionSnapshot>
{
    public void Configure(EntityTypeBuilder<ExclusionSnapshot> b)
    {
        b.ToTable("ExclusionSnapshots");
        b.HasKey(x => x.Id);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.HasIndex(x => new { x.Country, x.IsCurrent });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class ExclusionEntryConfiguration : IEntityTypeConfiguration<ExclusionEntry>
{
    public void Configure(EntityTypeBuilder<ExclusionEntry> b)
    {
        b.ToTable("ExclusionEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.E164).HasMaxLength(20);
        b.Property(x => x.Channels).HasConversion<int>();
        b.HasIndex(x => new { x.Country, x.E164 });
        b.HasIndex(x => x.SnapshotId);
        b.HasOne<ExclusionSnapshot>().WithMany().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

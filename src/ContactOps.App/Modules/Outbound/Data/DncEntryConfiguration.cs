using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class DncEntryConfiguration : IEntityTypeConfiguration<DncEntry>
{
    public void Configure(EntityTypeBuilder<DncEntry> b)
    {
        b.ToTable("DncEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.E164).HasMaxLength(20);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(400);
        b.HasIndex(x => new { x.OperationId, x.E164 }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

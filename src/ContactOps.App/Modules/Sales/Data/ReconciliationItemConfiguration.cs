using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class ReconciliationItemConfiguration : IEntityTypeConfiguration<ReconciliationItem>
{
    public void Configure(EntityTypeBuilder<ReconciliationItem> b)
    {
        b.ToTable("ReconciliationItems");
        b.HasKey(x => x.Id);
        b.HasOne<ReconciliationCut>().WithMany().HasForeignKey(x => x.CutId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Key).HasMaxLength(400);
        b.Property(x => x.Differences).HasMaxLength(2000);
        b.HasIndex(x => new { x.CutId, x.Category });
    }
}

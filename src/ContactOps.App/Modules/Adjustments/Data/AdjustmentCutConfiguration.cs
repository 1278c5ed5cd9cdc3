using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentCutConfiguration : IEntityTypeConfiguration<AdjustmentCut>
{
    public void Configure(EntityTypeBuilder<AdjustmentCut> b)
    {
        b.ToTable("AdjustmentCuts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Cutoff });
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ImportedBy).HasMaxLength(120);
    }
}

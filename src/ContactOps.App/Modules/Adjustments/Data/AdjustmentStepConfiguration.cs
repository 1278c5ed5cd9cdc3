using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentStepConfiguration : IEntityTypeConfiguration<AdjustmentStep>
{
    public void Configure(EntityTypeBuilder<AdjustmentStep> b)
    {
        b.ToTable("AdjustmentSteps");
        b.HasKey(x => x.Id);
        b.HasOne<Adjustment>().WithMany().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AdjustmentId, x.At });
        b.HasIndex(x => new { x.OperationId, x.Action, x.At });
        b.Property(x => x.UserName).HasMaxLength(120);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.DataJson).HasMaxLength(4000);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentCutRecordConfiguration : IEntityTypeConfiguration<AdjustmentCutRecord>
{
    public void Configure(EntityTypeBuilder<AdjustmentCutRecord> b)
    {
        b.ToTable("AdjustmentCutRecords");
        b.HasKey(x => x.Id);
        b.HasOne<Adjustment>().WithMany().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AdjustmentId, x.Cutoff }).IsUnique();
        b.HasIndex(x => new { x.OperationId, x.Cutoff, x.AgentLogin });
        b.Property(x => x.CarrierStatus).HasMaxLength(120);
        b.Property(x => x.CauseLetter).HasMaxLength(4);
        b.Property(x => x.FilingNumber).HasMaxLength(80);
        b.Property(x => x.AgentLogin).HasMaxLength(120);
        b.Property(x => x.RejectionReason).HasMaxLength(400);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class CoachingRecordConfiguration : IEntityTypeConfiguration<CoachingRecord>
{
    public void Configure(EntityTypeBuilder<CoachingRecord> b)
    {
        b.ToTable("AdjustmentCoachings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.IsoWeek, x.AgentLogin }).IsUnique();
        b.HasIndex(x => x.AgentLogin);
        b.Property(x => x.AgentLogin).HasMaxLength(120);
        b.Property(x => x.IsoWeek).HasMaxLength(8);
        b.Property(x => x.Commitment).HasMaxLength(2000);
        b.Property(x => x.SupervisorName).HasMaxLength(120);
    }
}

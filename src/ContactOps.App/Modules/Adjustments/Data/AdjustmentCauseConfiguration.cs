using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentCauseConfiguration : IEntityTypeConfiguration<AdjustmentCause>
{
    public void Configure(EntityTypeBuilder<AdjustmentCause> b)
    {
        b.ToTable("AdjustmentCauses");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Letter }).IsUnique();
        b.Property(x => x.Letter).HasMaxLength(4);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

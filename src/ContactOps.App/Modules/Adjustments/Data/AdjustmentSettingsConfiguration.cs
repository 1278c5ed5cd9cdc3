using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentSettingsConfiguration : IEntityTypeConfiguration<AdjustmentSettings>
{
    public void Configure(EntityTypeBuilder<AdjustmentSettings> b)
    {
        b.ToTable("AdjustmentSettings");
        b.HasKey(x => x.OperationId);
        b.Property(x => x.PqrDestination).HasMaxLength(120);
    }
}

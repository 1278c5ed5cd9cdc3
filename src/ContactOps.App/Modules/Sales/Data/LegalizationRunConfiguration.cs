using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class LegalizationRunConfiguration : IEntityTypeConfiguration<LegalizationRun>
{
    public void Configure(EntityTypeBuilder<LegalizationRun> b)
    {
        b.ToTable("LegalizationRuns");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.RunBy).HasMaxLength(200);
        b.Property(x => x.ZipFileName).HasMaxLength(200);
        b.Property(x => x.ZipStorageKey).HasMaxLength(200);
        b.Property(x => x.XlsxFileName).HasMaxLength(200);
        b.Property(x => x.XlsxStorageKey).HasMaxLength(200);
        b.HasIndex(x => new { x.OperationId, x.Month, x.RunAt });
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class ManagementReportRunConfiguration : IEntityTypeConfiguration<ManagementReportRun>
{
    public void Configure(EntityTypeBuilder<ManagementReportRun> b)
    {
        b.ToTable("ManagementReportRuns");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.GeneratedAt });
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.GeneratedBy).HasMaxLength(200);
        b.Property(x => x.FileKey).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

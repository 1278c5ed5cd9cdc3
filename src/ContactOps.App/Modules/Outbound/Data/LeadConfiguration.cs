using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("Leads");
        b.HasKey(x => x.Id);
        b.Property(x => x.DocumentType).HasMaxLength(10);
        b.Property(x => x.Document).HasMaxLength(30);
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.AttributesJson).HasMaxLength(8000);
        b.Property(x => x.TimeZoneId).HasMaxLength(60);
        b.Property(x => x.LastDispositionCode).HasMaxLength(40);
        b.HasIndex(x => new { x.OperationId, x.Document });
        b.HasIndex(x => new { x.BaseId, x.FirstAttemptAt });
        b.HasIndex(x => new { x.OperationId, x.SegmentId, x.NextAttemptAt });
        b.HasMany(x => x.Phones).WithOne().HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LeadBase>().WithMany().HasForeignKey(x => x.BaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

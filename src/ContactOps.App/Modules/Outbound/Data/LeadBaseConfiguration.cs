using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class LeadBaseConfiguration : IEntityTypeConfiguration<LeadBase>
{
    public void Configure(EntityTypeBuilder<LeadBase> b)
    {
        b.ToTable("LeadBases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.AttributeSchemaJson).HasMaxLength(8000);
        b.HasIndex(x => new { x.OperationId, x.Name }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

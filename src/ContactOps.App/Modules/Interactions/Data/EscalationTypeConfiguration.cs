using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Interactions.Data;

internal sealed class EscalationTypeConfiguration : IEntityTypeConfiguration<EscalationType>
{
    public void Configure(EntityTypeBuilder<EscalationType> b)
    {
        b.ToTable("EscalationTypes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.DestinationArea).HasMaxLength(120);
        b.HasIndex(x => new { x.OperationId, x.Code }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

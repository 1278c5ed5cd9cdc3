using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Interactions.Data;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.HasKey(x => x.Id);
        b.Property(x => x.TypeCode).HasMaxLength(60);
        b.Property(x => x.TypeName).HasMaxLength(200);
        b.Property(x => x.DestinationArea).HasMaxLength(120);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AnsweredOnTime);
        b.HasOne<Interaction>().WithMany().HasForeignKey(x => x.InteractionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EscalationType>().WithMany().HasForeignKey(x => x.TypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OperationId, x.State, x.DueAt });
        b.HasIndex(x => x.InteractionId);
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Interactions.Data;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.ToTable("Interactions");
        b.HasKey(x => x.Id);
        b.Property(x => x.CallId).HasMaxLength(80);
        b.Property(x => x.Extension).HasMaxLength(20);
        b.Property(x => x.AgentLogin).HasMaxLength(60);
        b.Property(x => x.Request).HasMaxLength(2000);
        b.Property(x => x.Typology).HasMaxLength(60);
        b.Property(x => x.DispositionCode).HasMaxLength(40);
        b.Property(x => x.NotSolvedReason).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsClosed);
        b.HasIndex(x => new { x.OperationId, x.OpenedAt });
        b.HasIndex(x => new { x.CustomerId, x.Typology, x.ClosedAt });

        // An agent's open interactions (the desk resumes them); the abandonment rule's open and idle ones.
        b.HasIndex(x => new { x.AgentUserId, x.ClosedAt });
        b.HasIndex(x => new { x.ClosedAt, x.UpdatedAt });
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class AgentStateChangeConfiguration : IEntityTypeConfiguration<AgentStateChange>
{
    public void Configure(EntityTypeBuilder<AgentStateChange> b)
    {
        b.ToTable("AgentStateChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Login).HasMaxLength(60);
        b.Property(x => x.ReasonCode).HasMaxLength(40);
        b.HasIndex(x => new { x.OperationId, x.At });
        b.HasIndex(x => new { x.UserId, x.At });
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

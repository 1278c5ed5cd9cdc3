using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class CallAttemptConfiguration : IEntityTypeConfiguration<CallAttempt>
{
    public void Configure(EntityTypeBuilder<CallAttempt> b)
    {
        b.ToTable("CallAttempts");
        b.HasKey(x => x.Id);
        b.Property(x => x.PhoneE164).HasMaxLength(20);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.AgentLogin).HasMaxLength(60);
        b.Property(x => x.DispositionCode).HasMaxLength(40);
        b.Property(x => x.CallId).HasMaxLength(80);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasIndex(x => new { x.OperationId, x.StartedAt });
        b.HasIndex(x => new { x.LeadId, x.StartedAt });
        b.HasIndex(x => new { x.OperationId, x.PhoneE164, x.StartedAt });
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

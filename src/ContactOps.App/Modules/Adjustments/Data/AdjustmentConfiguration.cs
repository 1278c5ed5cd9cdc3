using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentConfiguration : IEntityTypeConfiguration<Adjustment>
{
    public void Configure(EntityTypeBuilder<Adjustment> b)
    {
        b.ToTable("Adjustments");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.OperationId, x.State, x.PqrDueOn });
        b.HasIndex(x => new { x.OperationId, x.AgentLogin, x.RejectedCutoff });
        b.HasIndex(x => new { x.OperationId, x.LastCutoff });
        b.HasIndex(x => new { x.OperationId, x.Account });

        // The queue's default order read in index order (dated by due date, then undated by first cut), and its clock
        // counts (unanswered, by due date) as index ranges.
        b.HasIndex(x => new { x.OperationId, x.PqrDueOn, x.FirstCutoff, x.Key });
        b.HasIndex(x => new { x.OperationId, x.FirstCutoff, x.Key });
        b.HasIndex(x => new { x.OperationId, x.PqrAnsweredOn, x.PqrDueOn, x.PqrFlagOn });
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Account).HasMaxLength(60);
        b.Property(x => x.EscalationRef).HasMaxLength(80);
        b.Property(x => x.CarrierStatus).HasMaxLength(120);
        b.Property(x => x.CauseLetter).HasMaxLength(4);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.FilingNumber).HasMaxLength(80);
        b.Property(x => x.AgentLogin).HasMaxLength(120);
        b.Property(x => x.RejectionReason).HasMaxLength(400);
        b.Property(x => x.PqrDestination).HasMaxLength(120);
        b.Property(x => x.AssignedTo).HasMaxLength(120);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AdjustmentCause>().WithMany().HasForeignKey(x => x.CauseId).OnDelete(DeleteBehavior.Restrict);
    }
}

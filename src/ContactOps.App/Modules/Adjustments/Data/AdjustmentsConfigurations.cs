using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Adjustments.Data;

internal sealed class AdjustmentCauseConfiguration : IEntityTypeConfiguration<AdjustmentCause>
{
    public void Configure(EntityTypeBuilder<AdjustmentCause> b)
    {
        b.ToTable("AdjustmentCauses");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Letter }).IsUnique();
        b.Property(x => x.Letter).HasMaxLength(4);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

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

internal sealed class AdjustmentCutConfiguration : IEntityTypeConfiguration<AdjustmentCut>
{
    public void Configure(EntityTypeBuilder<AdjustmentCut> b)
    {
        b.ToTable("AdjustmentCuts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Cutoff });
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ImportedBy).HasMaxLength(120);
    }
}

internal sealed class AdjustmentCutRecordConfiguration : IEntityTypeConfiguration<AdjustmentCutRecord>
{
    public void Configure(EntityTypeBuilder<AdjustmentCutRecord> b)
    {
        b.ToTable("AdjustmentCutRecords");
        b.HasKey(x => x.Id);
        b.HasOne<Adjustment>().WithMany().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AdjustmentId, x.Cutoff }).IsUnique();
        b.HasIndex(x => new { x.OperationId, x.Cutoff, x.AgentLogin });
        b.Property(x => x.CarrierStatus).HasMaxLength(120);
        b.Property(x => x.CauseLetter).HasMaxLength(4);
        b.Property(x => x.FilingNumber).HasMaxLength(80);
        b.Property(x => x.AgentLogin).HasMaxLength(120);
        b.Property(x => x.RejectionReason).HasMaxLength(400);
    }
}

internal sealed class AdjustmentStepConfiguration : IEntityTypeConfiguration<AdjustmentStep>
{
    public void Configure(EntityTypeBuilder<AdjustmentStep> b)
    {
        b.ToTable("AdjustmentSteps");
        b.HasKey(x => x.Id);
        b.HasOne<Adjustment>().WithMany().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AdjustmentId, x.At });
        b.HasIndex(x => new { x.OperationId, x.Action, x.At });
        b.Property(x => x.UserName).HasMaxLength(120);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.DataJson).HasMaxLength(4000);
    }
}

internal sealed class CoachingRecordConfiguration : IEntityTypeConfiguration<CoachingRecord>
{
    public void Configure(EntityTypeBuilder<CoachingRecord> b)
    {
        b.ToTable("AdjustmentCoachings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.IsoWeek, x.AgentLogin }).IsUnique();
        b.HasIndex(x => x.AgentLogin);
        b.Property(x => x.AgentLogin).HasMaxLength(120);
        b.Property(x => x.IsoWeek).HasMaxLength(8);
        b.Property(x => x.Commitment).HasMaxLength(2000);
        b.Property(x => x.SupervisorName).HasMaxLength(120);
    }
}

internal sealed class AdjustmentSettingsConfiguration : IEntityTypeConfiguration<AdjustmentSettings>
{
    public void Configure(EntityTypeBuilder<AdjustmentSettings> b)
    {
        b.ToTable("AdjustmentSettings");
        b.HasKey(x => x.OperationId);
        b.Property(x => x.PqrDestination).HasMaxLength(120);
    }
}

using ContactOps.Modules.Organization;
using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Modules.Outbound.Features;
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

internal sealed class LeadPhoneConfiguration : IEntityTypeConfiguration<LeadPhone>
{
    public void Configure(EntityTypeBuilder<LeadPhone> b)
    {
        b.ToTable("LeadPhones");
        b.HasKey(x => x.Id);
        b.Property(x => x.E164).HasMaxLength(20);
        b.Property(x => x.ExclusionReason).HasMaxLength(40);
        b.HasIndex(x => x.LeadId);
        b.HasIndex(x => new { x.OperationId, x.E164 });
    }
}

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

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> b)
    {
        b.ToTable("Callbacks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.OperationId, x.Status, x.DueAt });
        b.HasIndex(x => x.LeadId);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DncEntryConfiguration : IEntityTypeConfiguration<DncEntry>
{
    public void Configure(EntityTypeBuilder<DncEntry> b)
    {
        b.ToTable("DncEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.E164).HasMaxLength(20);
        b.Property(x => x.Source).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(400);
        b.HasIndex(x => new { x.OperationId, x.E164 }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExclusionSnapshotConfiguration : IEntityTypeConfiguration<ExclusionSnapshot>
{
    public void Configure(EntityTypeBuilder<ExclusionSnapshot> b)
    {
        b.ToTable("ExclusionSnapshots");
        b.HasKey(x => x.Id);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.HasIndex(x => new { x.Country, x.IsCurrent });
    }
}

internal sealed class ExclusionEntryConfiguration : IEntityTypeConfiguration<ExclusionEntry>
{
    public void Configure(EntityTypeBuilder<ExclusionEntry> b)
    {
        b.ToTable("ExclusionEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.E164).HasMaxLength(20);
        b.Property(x => x.Channels).HasConversion<int>();
        b.HasIndex(x => new { x.Country, x.E164 });
        b.HasIndex(x => x.SnapshotId);
        b.HasOne<ExclusionSnapshot>().WithMany().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyRefusalConfiguration : IEntityTypeConfiguration<PolicyRefusal>
{
    public void Configure(EntityTypeBuilder<PolicyRefusal> b)
    {
        b.ToTable("PolicyRefusals");
        b.HasKey(x => x.Id);
        b.Property(x => x.PhoneE164).HasMaxLength(20);
        b.Property(x => x.Reasons).HasMaxLength(400);
        b.HasIndex(x => new { x.OperationId, x.At });
    }
}

internal sealed class OutboundCampaignConfiguration : IEntityTypeConfiguration<OutboundCampaign>
{
    public void Configure(EntityTypeBuilder<OutboundCampaign> b)
    {
        b.ToTable("OutboundCampaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.ContactWindowsJson).HasMaxLength(4000);
        b.Property(x => x.RecycleMinutesJson).HasMaxLength(4000);
        b.Property(x => x.PauseReasonsJson).HasMaxLength(4000);
        b.Property(x => x.ScriptJson).HasMaxLength(20000);
        b.Property(x => x.SimulationJson).HasMaxLength(4000);
        b.Property(x => x.WrapUpDefaultDispositionCode).HasMaxLength(40);
        b.HasIndex(x => x.OperationId).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.ToTable("Segments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.RulesJson).HasMaxLength(8000);
        b.HasIndex(x => new { x.OperationId, x.Name }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

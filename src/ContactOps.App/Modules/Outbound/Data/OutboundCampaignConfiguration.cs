using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

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

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class OutboundHourlyStatConfiguration : IEntityTypeConfiguration<OutboundHourlyStat>
{
    public void Configure(EntityTypeBuilder<OutboundHourlyStat> b)
    {
        b.ToTable("OutboundHourlyStats");
        b.HasKey(x => new { x.OperationId, x.Day, x.Hour, x.AgentLogin });
        b.Property(x => x.AgentLogin).HasMaxLength(60);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

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

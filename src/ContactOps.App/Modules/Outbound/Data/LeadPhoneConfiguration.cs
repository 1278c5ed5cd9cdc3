using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

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

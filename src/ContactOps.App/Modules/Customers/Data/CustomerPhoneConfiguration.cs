using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class CustomerPhoneConfiguration : IEntityTypeConfiguration<CustomerPhone>
{
    public void Configure(EntityTypeBuilder<CustomerPhone> b)
    {
        b.ToTable("CustomerPhones");
        b.HasKey(x => x.Id);
        b.Property(x => x.E164).HasMaxLength(16);
        b.HasIndex(x => new { x.ClientId, x.E164 });
        b.HasIndex(x => new { x.CustomerId, x.E164 }).IsUnique();
    }
}

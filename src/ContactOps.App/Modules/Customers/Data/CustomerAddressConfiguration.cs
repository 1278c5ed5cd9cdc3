using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.ToTable("CustomerAddresses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Line).HasMaxLength(300);
        b.Property(x => x.City).HasMaxLength(120);
        b.Property(x => x.Department).HasMaxLength(120);
    }
}

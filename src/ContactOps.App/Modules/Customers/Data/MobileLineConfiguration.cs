using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class MobileLineConfiguration : IEntityTypeConfiguration<MobileLine>
{
    public void Configure(EntityTypeBuilder<MobileLine> b)
    {
        b.ToTable("MobileLines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(16);
        b.HasIndex(x => new { x.ClientId, x.Number }).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

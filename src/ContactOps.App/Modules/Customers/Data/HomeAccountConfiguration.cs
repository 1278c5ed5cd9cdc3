using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class HomeAccountConfiguration : IEntityTypeConfiguration<HomeAccount>
{
    public void Configure(EntityTypeBuilder<HomeAccount> b)
    {
        b.ToTable("HomeAccounts");
        b.HasKey(x => x.Id);
        b.Property(x => x.AccountNumber).HasMaxLength(40);
        b.HasIndex(x => new { x.ClientId, x.AccountNumber }).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Premise>().WithMany().HasForeignKey(x => x.PremiseId).OnDelete(DeleteBehavior.SetNull);
    }
}

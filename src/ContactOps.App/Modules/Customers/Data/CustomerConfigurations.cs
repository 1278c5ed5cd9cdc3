using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("Customers");
        b.HasKey(x => x.Id);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.DocumentType).HasMaxLength(4);
        b.Property(x => x.DocumentNumber).HasMaxLength(20);
        b.Property(x => x.DocumentComplement).HasMaxLength(4);
        b.Property(x => x.DocumentDepartment).HasMaxLength(4);
        b.HasIndex(x => new { x.ClientId, x.DocumentType, x.DocumentNumber }).IsUnique();
        b.Property(x => x.FirstNames).HasMaxLength(120);
        b.Property(x => x.LastNames).HasMaxLength(120);
        b.Property(x => x.SearchName).HasMaxLength(242);
        b.HasIndex(x => new { x.ClientId, x.SearchName });
        b.Property(x => x.Emails);
        b.Property(x => x.Attributes).HasMaxLength(4000);
        b.Ignore(x => x.FullName);
        b.HasMany(x => x.Phones).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Phones).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Addresses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

internal sealed class PremiseConfiguration : IEntityTypeConfiguration<Premise>
{
    public void Configure(EntityTypeBuilder<Premise> b)
    {
        b.ToTable("Premises");
        b.HasKey(x => x.Id);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.City).HasMaxLength(120);
        b.Property(x => x.BuildingAccount).HasMaxLength(40);
        b.HasIndex(x => x.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
    }
}

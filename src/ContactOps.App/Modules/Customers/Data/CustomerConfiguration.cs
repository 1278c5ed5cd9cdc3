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

        // The search looks a number up whatever its type (an agent types the number, not the type).
        b.HasIndex(x => new { x.ClientId, x.DocumentNumber });
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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class CustomerNameTokenConfiguration : IEntityTypeConfiguration<CustomerNameToken>
{
    public void Configure(EntityTypeBuilder<CustomerNameToken> b)
    {
        b.ToTable("CustomerNameTokens");
        b.HasKey(x => new { x.CustomerId, x.Token });
        b.Property(x => x.Token).HasMaxLength(TextSearch.MaxTokenLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // Covering: a prefix search reads the customer ids from the index alone.
        b.HasIndex(x => new { x.ClientId, x.Token, x.CustomerId });
    }
}

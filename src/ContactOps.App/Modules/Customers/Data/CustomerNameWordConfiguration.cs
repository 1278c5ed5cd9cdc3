using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Customers.Data;

internal sealed class CustomerNameWordConfiguration : IEntityTypeConfiguration<CustomerNameWord>
{
    public void Configure(EntityTypeBuilder<CustomerNameWord> b)
    {
        b.ToTable("CustomerNameWords");

        // A word's prefix range is a range of this key (binary order on both engines: C collation on PostgreSQL).
        b.HasKey(x => new { x.ClientId, x.Token });
        b.Property(x => x.Token).HasMaxLength(TextSearch.MaxTokenLength);
    }
}

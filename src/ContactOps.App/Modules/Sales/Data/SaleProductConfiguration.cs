using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleProductConfiguration : IEntityTypeConfiguration<SaleProduct>
{
    public void Configure(EntityTypeBuilder<SaleProduct> b)
    {
        b.ToTable("SaleProducts");
        b.HasKey(x => x.Id);
        b.Property(x => x.TariffCode).HasMaxLength(40);
        b.Property(x => x.Description).HasMaxLength(200);
        b.HasIndex(x => new { x.SaleId, x.TariffCode });
    }
}

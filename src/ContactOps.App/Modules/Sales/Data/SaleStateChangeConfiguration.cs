using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleStateChangeConfiguration : IEntityTypeConfiguration<SaleStateChange>
{
    public void Configure(EntityTypeBuilder<SaleStateChange> b)
    {
        b.ToTable("SaleStateChanges");
        b.HasKey(x => x.Id);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.UserName).HasMaxLength(120);
        b.HasIndex(x => new { x.SaleId, x.At });
        b.HasIndex(x => new { x.OperationId, x.To, x.At });
    }
}

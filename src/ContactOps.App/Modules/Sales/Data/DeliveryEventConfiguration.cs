using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class DeliveryEventConfiguration : IEntityTypeConfiguration<DeliveryEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryEvent> b)
    {
        b.ToTable("DeviceDeliveryEvents");
        b.HasKey(x => x.Id);
        b.HasOne<DeviceFulfilment>().WithMany().HasForeignKey(x => x.FulfilmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SaleId, x.At });
        b.Property(x => x.CarrierState).HasMaxLength(120);
        b.Property(x => x.Guide).HasMaxLength(80);
        b.Property(x => x.UserName).HasMaxLength(120);
    }
}

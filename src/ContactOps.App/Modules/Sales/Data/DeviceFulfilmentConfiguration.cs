using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class DeviceFulfilmentConfiguration : IEntityTypeConfiguration<DeviceFulfilment>
{
    public void Configure(EntityTypeBuilder<DeviceFulfilment> b)
    {
        b.ToTable("DeviceFulfilments");
        b.HasKey(x => x.Id);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SaleId).IsUnique();

        // NULLs are distinct on both engines: only reserved sales take part in the uniqueness.
        b.HasIndex(x => new { x.WorkOperationId, x.ReservationNumber }).IsUnique();
        b.HasIndex(x => new { x.WorkOperationId, x.CustomerDocument });
        b.HasIndex(x => new { x.WorkOperationId, x.DeliveryState, x.LastNewsAt });
        b.Property(x => x.CustomerDocument).HasMaxLength(40);
        b.Property(x => x.ConfirmedBy).HasMaxLength(120);
        b.Property(x => x.CreditCheckedBy).HasMaxLength(120);
        b.Property(x => x.ReservedBy).HasMaxLength(120);
        b.Property(x => x.ReservationNumber).HasMaxLength(40);
        b.Property(x => x.ConfirmedDevice).HasMaxLength(200);
        b.Property(x => x.Material).HasMaxLength(200);
        b.Property(x => x.ReceiverName).HasMaxLength(160);
        b.Property(x => x.ReceiverDocumentType).HasMaxLength(10);
        b.Property(x => x.ReceiverDocument).HasMaxLength(40);
        b.Property(x => x.StockReference).HasMaxLength(80);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.CarrierState).HasMaxLength(120);
        b.Property(x => x.Guide).HasMaxLength(80);
        b.Ignore(x => x.IsConfirmed);
        b.Ignore(x => x.ConfirmedAddress);
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> b)
    {
        b.ToTable("Sales");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.SellerLogin).HasMaxLength(60);
        b.Property(x => x.CallId).HasMaxLength(80);
        b.Property(x => x.Extension).HasMaxLength(20);
        b.Property(x => x.AccountNumber).HasMaxLength(40);
        b.Property(x => x.LineNumber).HasMaxLength(20);
        b.Property(x => x.DonorOperator).HasMaxLength(60);
        b.HasIndex(x => new { x.OperationId, x.AssignedToUserId, x.State });
        b.HasIndex(x => new { x.OperationId, x.FollowUpAt });
        b.Property(x => x.AccountMarking).HasMaxLength(20);
        b.Property(x => x.StateReason).HasMaxLength(400);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasIndex(x => new { x.OperationId, x.State, x.SoldAt });
        b.HasIndex(x => new { x.OperationId, x.SoldAt });
        // The back office's queue and legalization read the sales routed to it.
        b.HasIndex(x => new { x.BackOfficeOperationId, x.SoldAt });
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => x.InteractionId);
        b.HasIndex(x => new { x.ClientId, x.AccountNumber });
        b.HasIndex(x => new { x.ClientId, x.LineNumber });
        b.HasMany(x => x.Products).WithOne().HasForeignKey(p => p.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

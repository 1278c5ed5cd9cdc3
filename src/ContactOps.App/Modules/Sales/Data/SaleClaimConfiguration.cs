using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleClaimConfiguration : IEntityTypeConfiguration<SaleClaim>
{
    public void Configure(EntityTypeBuilder<SaleClaim> b)
    {
        b.ToTable("SaleClaims");
        b.HasKey(x => x.Id);
        b.HasOne<ReconciliationCut>().WithMany().HasForeignKey(x => x.CutId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Key).HasMaxLength(400);
        b.Property(x => x.OpenedBy).HasMaxLength(200);
        b.Property(x => x.SentReference).HasMaxLength(200);
        b.Property(x => x.AnswerText).HasMaxLength(2000);
        b.HasIndex(x => x.ItemId).IsUnique();
        b.HasIndex(x => new { x.OperationId, x.State });
        b.HasIndex(x => x.SaleId);
    }
}

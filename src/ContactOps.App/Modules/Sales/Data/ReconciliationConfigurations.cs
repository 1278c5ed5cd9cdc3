using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class ReconciliationCutConfiguration : IEntityTypeConfiguration<ReconciliationCut>
{
    public void Configure(EntityTypeBuilder<ReconciliationCut> b)
    {
        b.ToTable("ReconciliationCuts");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.KeyFields).HasMaxLength(200);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.OperationId, x.CutDate });
    }
}

internal sealed class ReconciliationItemConfiguration : IEntityTypeConfiguration<ReconciliationItem>
{
    public void Configure(EntityTypeBuilder<ReconciliationItem> b)
    {
        b.ToTable("ReconciliationItems");
        b.HasKey(x => x.Id);
        b.HasOne<ReconciliationCut>().WithMany().HasForeignKey(x => x.CutId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Key).HasMaxLength(400);
        b.Property(x => x.Differences).HasMaxLength(2000);
        b.HasIndex(x => new { x.CutId, x.Category });
    }
}

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

using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
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

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class SaleStepConfiguration : IEntityTypeConfiguration<SaleStep>
{
    public void Configure(EntityTypeBuilder<SaleStep> b)
    {
        b.ToTable("SaleSteps");
        b.HasKey(x => x.Id);
        b.HasOne<Sale>().WithMany().HasForeignKey(x => x.SaleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.StepCode).HasMaxLength(40);
        b.Property(x => x.StepName).HasMaxLength(160);
        b.Property(x => x.UserName).HasMaxLength(120);
        b.HasIndex(x => new { x.SaleId, x.Sequence }).IsUnique();
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class ChecklistDefinitionConfiguration : IEntityTypeConfiguration<ChecklistDefinition>
{
    public void Configure(EntityTypeBuilder<ChecklistDefinition> b)
    {
        b.ToTable("SaleChecklists");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => new { x.OperationId, x.Kind, x.Version }).IsUnique();
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.ChecklistId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.ToTable("SaleChecklistItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.Evidence).HasMaxLength(160);
        b.HasIndex(x => new { x.ChecklistId, x.Order }).IsUnique();
    }
}

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

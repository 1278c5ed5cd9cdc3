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

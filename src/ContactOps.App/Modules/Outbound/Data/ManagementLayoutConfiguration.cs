using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class ManagementLayoutConfiguration : IEntityTypeConfiguration<ManagementLayout>
{
    public void Configure(EntityTypeBuilder<ManagementLayout> b)
    {
        b.ToTable("ManagementLayouts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.OperationId).IsUnique();
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.ColumnsJson).HasMaxLength(40000);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class DeviceBackOfficeSettingsConfiguration : IEntityTypeConfiguration<DeviceBackOfficeSettings>
{
    public void Configure(EntityTypeBuilder<DeviceBackOfficeSettings> b)
    {
        b.ToTable("DeviceBackOfficeSettings");
        b.HasKey(x => x.Id);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OperationId).IsUnique();
    }
}

using ContactOps.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Organization.Data;

internal sealed class ClientHolidayConfiguration : IEntityTypeConfiguration<ClientHoliday>
{
    public void Configure(EntityTypeBuilder<ClientHoliday> b)
    {
        b.ToTable("ClientHolidays");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ClientId, x.Date }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(120);
    }
}

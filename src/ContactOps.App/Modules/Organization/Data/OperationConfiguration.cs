using ContactOps.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Organization.Data;

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> b)
    {
        b.ToTable("Operations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(60);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.DefaultAreaCode).HasMaxLength(2);

        // Existing operations get the default (back office and leaders) when the column is added.
        b.Property(x => x.PersonalDataRoles).HasMaxLength(200).HasDefaultValue(Operation.DefaultPersonalDataRoles);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.KpiTargets, k =>
        {
            k.ToTable("OperationKpiTargets");
            k.WithOwner().HasForeignKey("OperationId");
            k.Property<int>("Id");
            k.HasKey("Id");
            k.Property(t => t.Kpi).HasMaxLength(60);
        });
        b.Navigation(x => x.KpiTargets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

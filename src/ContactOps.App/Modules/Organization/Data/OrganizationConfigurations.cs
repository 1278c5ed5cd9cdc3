using ContactOps.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Organization.Data;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.ToTable("Clients");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Country).HasMaxLength(2);
        b.HasMany(x => x.Holidays).WithOne().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Holidays).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => new { x.OperationId, x.Name }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> b)
    {
        b.ToTable("Dispositions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Flags).HasConversion<int>();
        b.HasIndex(x => new { x.OperationId, x.Code }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UserId, x.OperationId }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

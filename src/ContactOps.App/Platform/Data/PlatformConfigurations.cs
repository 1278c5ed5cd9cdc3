using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Platform.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.PreferredCulture).HasMaxLength(10);
        b.Property(x => x.Extension).HasMaxLength(8);
        b.Property(x => x.DialerLogin).HasMaxLength(40);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Entity).HasMaxLength(80);
        b.Property(x => x.EntityId).HasMaxLength(80);
        b.Property(x => x.Changes).HasMaxLength(16000);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.ClientId, x.At });
        b.HasIndex(x => new { x.OperationId, x.At }); // the audit browser reads the operations a leader leads
        b.HasIndex(x => new { x.Entity, x.EntityId });
    }
}

internal sealed class ColumnMappingConfiguration : IEntityTypeConfiguration<ColumnMappingRecord>
{
    public void Configure(EntityTypeBuilder<ColumnMappingRecord> b)
    {
        b.ToTable("ColumnMappings");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileKind).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.MappingJson).HasMaxLength(8000);
        b.HasIndex(x => new { x.OperationId, x.FileKind, x.Name }).IsUnique();
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.FileSha256).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasIndex(x => new { x.ClientId, x.StartedAt });
    }
}

internal sealed class ImportRejectsFileConfiguration : IEntityTypeConfiguration<ImportRejectsFile>
{
    public void Configure(EntityTypeBuilder<ImportRejectsFile> b)
    {
        b.ToTable("ImportRejects");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.HasIndex(x => x.CreatedAt);
    }
}

using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Sales.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Sales.Data;

internal sealed class LegalizationLayoutConfiguration : IEntityTypeConfiguration<LegalizationLayout>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LegalizationLayout> b)
    {
        b.ToTable("LegalizationLayouts");
        b.HasKey(x => x.Id);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ClientId, x.Kind }).IsUnique();
        b.Property(x => x.Columns)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<LegalizationColumn>>(v, Json) ?? new List<LegalizationColumn>())
            .HasMaxLength(4000)
            .Metadata.SetValueComparer(new ValueComparer<List<LegalizationColumn>>(
                (a, c) => a!.SequenceEqual(c!),
                v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
                v => v.ToList()));
    }
}

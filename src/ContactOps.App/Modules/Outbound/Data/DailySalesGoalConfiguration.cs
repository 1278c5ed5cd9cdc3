using ContactOps.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactOps.Modules.Outbound.Data;

internal sealed class DailySalesGoalConfiguration : IEntityTypeConfiguration<DailySalesGoal>
{
    public void Configure(EntityTypeBuilder<DailySalesGoal> b)
    {
        b.ToTable("DailySalesGoals");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OperationId, x.Day }).IsUnique();
        b.HasOne<Operation>().WithMany().HasForeignKey(x => x.OperationId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>Questions other modules may ask about the organisation (teams, operations) without touching its tables.</summary>
public static class OrganizationLookups
{
    public static Task<bool> TeamBelongsToOperationAsync(AppDbContext db, Guid teamId, Guid operationId, CancellationToken ct) =>
        db.Teams.IgnoreQueryFilters().AnyAsync(x => x.Id == teamId && x.OperationId == operationId, ct);

    /// <summary>The operation's teams: id → name.</summary>
    public static Task<Dictionary<Guid, string>> TeamNamesAsync(AppDbContext db, Guid operationId, CancellationToken ct) =>
        db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => t.OperationId == operationId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

    /// <summary>The operation's KPI targets: KPI code → target (fractions for percentages).</summary>
    public static async Task<Dictionary<string, decimal>> KpiTargetsAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var operation = await db.Operations.IgnoreQueryFilters().AsNoTracking().Include(o => o.KpiTargets).FirstOrDefaultAsync(o => o.Id == operationId, ct);
        return operation?.KpiTargets.ToDictionary(t => t.Kpi, t => t.Target, StringComparer.Ordinal) ?? new Dictionary<string, decimal>(StringComparer.Ordinal);
    }
}

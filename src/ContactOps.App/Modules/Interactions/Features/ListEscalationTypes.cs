using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record EscalationTypeRow(Guid Id, string Operation, string Code, string Name, int TargetBusinessHours, string DestinationArea, bool Active);

/// <summary>The escalation types of an operation (active only unless asked).</summary>
public sealed class ListEscalationTypes(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<EscalationTypeRow>>> HandleAsync(string? operation, bool includeInactive, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await InteractionRules.OperationAsync(db, scope, operation, [.. InteractionRules.DeskRoles, .. InteractionRules.QueueRoles], ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var code = op.Value.Code;
        var rows = await db.EscalationTypes.AsNoTracking()
            .Where(t => t.OperationId == opId && (includeInactive || t.IsActive))
            .OrderBy(t => t.Name)
            .ToListAsync(ct);
        return rows.Select(t => new EscalationTypeRow(t.Id, code, t.Code, t.Name, t.TargetBusinessHours, t.DestinationArea, t.IsActive)).ToList();
    }
}

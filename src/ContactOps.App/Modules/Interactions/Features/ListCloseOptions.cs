using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record DispositionOption(Guid Id, string Code, string Name, bool IsEscalation);

public sealed record CloseOptions(IReadOnlyList<DispositionOption> Dispositions, IReadOnlyList<EscalationTypeRow> EscalationTypes);

/// <summary>What an agent can close an interaction with in an operation: its active dispositions and escalation types.</summary>
public sealed class ListCloseOptions(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<CloseOptions>> HandleAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await InteractionRules.OperationAsync(db, scope, operation, InteractionRules.DeskRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var dispositions = (await OperationCatalog.DispositionsAsync(db, opId, ct))
            .Where(d => d.IsActive).Select(d => new DispositionOption(d.Id, d.Code, d.Name, d.IsEscalation)).ToList();
        var types = await db.EscalationTypes.AsNoTracking().Where(t => t.OperationId == opId && t.IsActive).OrderBy(t => t.Name).ToListAsync(ct);
        return new CloseOptions(dispositions, types.Select(t => new EscalationTypeRow(t.Id, op.Value.Code, t.Code, t.Name, t.TargetBusinessHours, t.DestinationArea, t.IsActive)).ToList());
    }
}

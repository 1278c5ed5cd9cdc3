using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record ChecklistItemView(int Order, string Code, string Name, string? Evidence, bool EvidenceRequired, SaleState? Unlocks, bool OpenWorkOrderOnly);

public sealed record ChecklistView(Guid Id, Guid OperationId, string OperationCode, SaleKind Kind, int Version, string Name, bool IsCurrent, DateTimeOffset CreatedAt, IReadOnlyList<ChecklistItemView> Items);

/// <summary>The checklists of an operation: current versions (or every version with <c>all</c>), and one by id.</summary>
public sealed class ListChecklists(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<ChecklistView>>> HandleAsync(string? operation, SaleKind? kind, bool all, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var list = await db.SaleChecklists.AsNoTracking().Include(c => c.Items)
            .Where(c => c.OperationId == opId && (all || c.IsCurrent) && (kind == null || c.Kind == kind))
            .ToListAsync(ct);
        return list.OrderBy(c => c.Kind).ThenByDescending(c => c.Version).Select(c => View(c, op.Value.Code)).ToList();
    }

    public async Task<Result<ChecklistView>> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.SaleChecklists.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("checklist.not_found");
        }

        var code = await db.Operations.Where(o => o.Id == c.OperationId).Select(o => o.Code).FirstAsync(ct);
        return View(c, code);
    }

    internal static ChecklistView View(ChecklistDefinition c, string operationCode) =>
        new(c.Id, c.OperationId, operationCode, c.Kind, c.Version, c.Name, c.IsCurrent, c.CreatedAt,
            c.Items.OrderBy(i => i.Order).Select(i => new ChecklistItemView(i.Order, i.Code, i.Name, i.Evidence, i.EvidenceRequired, i.Unlocks, i.OpenWorkOrderOnly)).ToList());
}

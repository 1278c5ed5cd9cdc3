using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>A sale loaded for a change: the tracked sale, its checklist version and its steps.</summary>
internal sealed record SaleUnit(AppDbContext Db, Sale Sale, ChecklistDefinition? Checklist, List<SaleStep> Steps);

/// <summary>Loading, guarding and saving a sale for the back-office use cases (one unit of work each).</summary>
internal static class SaleUnits
{
    /// <summary>
    /// The current checklist of <paramref name="operationId"/> for a kind. The operation is the sale's working operation
    /// (its back office when routed), already established by the caller, so the tenancy filter is bypassed: a front agent
    /// registering a routed sale starts it on the sales cell's procedure.
    /// </summary>
    public static async Task<ChecklistDefinition?> CurrentChecklistAsync(AppDbContext db, Guid operationId, SaleKind kind, CancellationToken ct) =>
        await db.SaleChecklists.IgnoreQueryFilters().Include(c => c.Items)
            .Where(c => c.OperationId == operationId && c.Kind == kind && c.IsCurrent)
            .OrderByDescending(c => c.Version)
            .FirstOrDefaultAsync(ct);

    /// <summary>Loads the sale, checks the caller may work it and that they saw its latest version.</summary>
    public static async Task<Result<SaleUnit>> LoadForWorkAsync(AppDbContext db, AccessScope scope, Guid saleId, int? version, CancellationToken ct)
    {
        var sale = await db.Sales.Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is null)
        {
            return Error.NotFound("sale.not_found");
        }

        if (!scope.HasRoleOnSale(sale, SaleRoles.Work))
        {
            return SaleRoles.CannotWork;
        }

        if (version is null)
        {
            return Error.Invalid("version", "sale.version_required");
        }

        if (sale.Version != version.Value)
        {
            return SaleWorkflow.ConcurrencyConflict;
        }

        // The save checks the version the caller saw, so a change made meanwhile is refused (409).
        db.Entry(sale).Property(s => s.Version).OriginalValue = version.Value;

        if (sale.AssignedToUserId is { } owner && owner != scope.UserId && !scope.HasRoleOnSale(sale, SaleRoles.Assign))
        {
            var name = await db.Users.Where(u => u.Id == owner).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return Error.Conflict("sale.taken", name ?? "otra persona");
        }

        ChecklistDefinition? checklist = null;
        if (sale.ChecklistId is { } checklistId)
        {
            checklist = await ChecklistOfSaleAsync(db, checklistId, ct);
        }

        var steps = await db.SaleSteps.Where(s => s.SaleId == sale.Id).OrderBy(s => s.Sequence).ToListAsync(ct);
        return new SaleUnit(db, sale, checklist, steps);
    }

    /// <summary>
    /// The checklist version a visible sale started with. The sale was found through the tenancy filter; its checklist may
    /// belong to the back-office operation it is routed to, which a front member does not see, so it is read by id.
    /// </summary>
    public static Task<ChecklistDefinition?> ChecklistOfSaleAsync(AppDbContext db, Guid checklistId, CancellationToken ct) =>
        db.SaleChecklists.IgnoreQueryFilters().AsNoTracking().Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == checklistId, ct);

    /// <summary>Codes of operations by id, including operations the caller is not a member of (front or back office of a visible sale).</summary>
    public static Task<Dictionary<Guid, string>> OperationCodesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);

    /// <summary>Claims a free sale for the caller (the first one to work it).</summary>
    public static void ClaimIfFree(SaleUnit unit, AccessScope scope, DateTimeOffset now)
    {
        if (unit.Sale.AssignedToUserId is null && scope.UserId is { } me)
        {
            unit.Sale.AssignedToUserId = me;
            unit.Sale.AssignedAt = now;
        }
    }

    /// <summary>Saves the unit; a concurrent change of the same sale answers 409.</summary>
    public static async Task<Result> SaveAsync(SaleUnit unit, CancellationToken ct)
    {
        unit.Sale.Touch();
        try
        {
            await unit.Db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaleWorkflow.ConcurrencyConflict;
        }
        catch (DbUpdateException) when (unit.Db.ChangeTracker.Entries<SaleStep>().Any(e => e.State == EntityState.Added))
        {
            // Two steps recorded at once on the same sale collide on (sale, sequence).
            return SaleWorkflow.ConcurrencyConflict;
        }
    }

    /// <summary>Resolves an operation by code or id among those the caller sees.</summary>
    public static async Task<Result<Operation>> OperationAsync(AppDbContext db, string? operation, AccessScope scope, CancellationToken ct)
    {
        var text = operation?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            var mine = scope.OperationIds;
            if (!scope.SeesAll && mine.Count == 1)
            {
                var only = await db.Operations.FirstOrDefaultAsync(o => o.Id == mine[0], ct);
                if (only is not null)
                {
                    return only;
                }
            }

            return Error.Invalid("operation", "sale.operation_required");
        }

        var found = Guid.TryParse(text, out var id)
            ? await db.Operations.Where(o => o.Id == id).ToListAsync(ct)
            : await db.Operations.Where(o => o.Code == text).ToListAsync(ct);
        return found.Count switch
        {
            0 => Error.NotFound("operation.not_found#3", text),
            1 => found[0],
            _ => Error.Invalid("operation", "sale.operation_ambiguous", text),
        };
    }
}

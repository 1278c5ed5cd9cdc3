using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record ClaimSaleRequest(int? Version);

/// <summary>"Tomar": the caller starts working a free sale. A sale someone else has is refused (a supervisor assigns it instead).</summary>
public sealed class ClaimSale(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, ClaimSaleRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (scope.UserId is not { } me)
        {
            return Error.Forbidden("sale.claim_user", "Solo una persona puede tomar una venta.");
        }

        if (unit.Sale.AssignedToUserId == me)
        {
            return await GetSale.LoadAsync(db, saleId, ct);
        }

        if (SaleWorkflow.IsClosed(unit.Sale.State))
        {
            return Error.Conflict("sale.closed", $"La venta está «{SaleWorkflow.Spanish(unit.Sale.State)}»: no hay nada que trabajar.");
        }

        unit.Sale.AssignedToUserId = me;
        unit.Sale.AssignedAt = time.GetUtcNow();
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

public sealed record AssignSaleRequest(Guid? UserId, int? Version);

/// <summary>A supervisor (or coordinator) assigns a sale to a back-office member of its operation, or frees it (no user).</summary>
public sealed class AssignSale(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, AssignSaleRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (!scope.HasRoleOnSale(unit.Sale, SaleRoles.Assign))
        {
            return Error.Forbidden("sale.assign_forbidden", "Solo un supervisor o coordinador asigna ventas.");
        }

        var front = unit.Sale.OperationId;
        var backOffice = unit.Sale.BackOfficeOperationId ?? unit.Sale.OperationId;
        if (request.UserId is { } user
            && !await db.Memberships.AnyAsync(m => m.UserId == user && (m.OperationId == front || m.OperationId == backOffice) && SaleRoles.Work.Contains(m.Role), ct))
        {
            return Error.Validation("sale.assignee_invalid", "La persona indicada no trabaja en el back office de esta operación.", "userId");
        }

        unit.Sale.AssignedToUserId = request.UserId;
        unit.Sale.AssignedAt = request.UserId is null ? null : time.GetUtcNow();
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

public sealed record Assignee(Guid UserId, string DisplayName, string Role);

/// <summary>The people who can be assigned sales of an operation (or, with <c>workersOnly</c> false, every member: the sellers).</summary>
public sealed class ListSaleAssignees(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<Assignee>>> HandleAsync(string? operation, CancellationToken ct, bool workersOnly = true)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await SaleUnits.OperationAsync(db, operation, scope, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var rows = await db.Memberships.Where(m => m.OperationId == opId && (!workersOnly || SaleRoles.Work.Contains(m.Role)))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.Role })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture).Select(r => new Assignee(r.Id, r.DisplayName, r.Role.ToString())).ToList();
    }
}

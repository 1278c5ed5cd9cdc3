using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

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
            return Error.Forbidden("sale.assign_forbidden");
        }

        var front = unit.Sale.OperationId;
        var backOffice = unit.Sale.BackOfficeOperationId ?? unit.Sale.OperationId;
        if (request.UserId is { } user
            && !await db.Memberships.AnyAsync(m => m.UserId == user && (m.OperationId == front || m.OperationId == backOffice) && SaleRoles.Work.Contains(m.Role), ct))
        {
            return Error.Invalid("userId", "sale.assignee_invalid");
        }

        unit.Sale.AssignedToUserId = request.UserId;
        unit.Sale.AssignedAt = request.UserId is null ? null : time.GetUtcNow();
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

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
            return Error.Forbidden("sale.claim_user");
        }

        if (unit.Sale.AssignedToUserId == me)
        {
            return await GetSale.LoadAsync(db, saleId, ct);
        }

        if (SaleWorkflow.IsClosed(unit.Sale.State))
        {
            return Error.Conflict("sale.closed", SaleWorkflow.Spanish(unit.Sale.State));
        }

        unit.Sale.AssignedToUserId = me;
        unit.Sale.AssignedAt = time.GetUtcNow();
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

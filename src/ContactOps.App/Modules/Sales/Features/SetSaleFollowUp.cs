using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>The next follow-up of a sale about to be installed or delivered (null clears it).</summary>
public sealed record SetSaleFollowUpRequest(DateTimeOffset? At, int? Version);

public sealed class SetSaleFollowUp(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, SetSaleFollowUpRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var unit = loaded.Value!;
        if (request.At is { } at && SaleWorkflow.IsClosed(unit.Sale.State))
        {
            return Error.Conflict("sale.closed#2", SaleWorkflow.Spanish(unit.Sale.State));
        }

        var now = time.GetUtcNow();
        if (request.At is { } when && when < now.AddDays(-1))
        {
            return Error.Invalid("at", "sale.follow_up_past");
        }

        unit.Sale.FollowUpAt = request.At?.ToUniversalTime();
        SaleUnits.ClaimIfFree(unit, scope, now);
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

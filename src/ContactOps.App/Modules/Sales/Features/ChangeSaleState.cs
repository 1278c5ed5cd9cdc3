using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>Moves a sale to a state. Rejected, Cancelled and NotInstalled need a reason.</summary>
public sealed record ChangeSaleStateRequest(SaleState? To, string? Reason, int? Version);

/// <summary>
/// An explicit state change: refused (409, Spanish message) when the state machine does not allow it or when the steps
/// that lead to the state are not OK; recorded in the state history with who, when and the reason.
/// </summary>
public sealed class ChangeSaleState(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, ChangeSaleStateRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        if (request.To is not { } to || !Enum.IsDefined(to))
        {
            return Error.Invalid("to", "sale.state_required");
        }

        var unit = loaded.Value!;
        var now = time.GetUtcNow();
        var change = SaleWorkflow.Transition(unit.Sale, unit.Checklist, unit.Steps, to, request.Reason, scope.UserId, scope.UserName, now);
        if (!change.IsSuccess)
        {
            return change.Error!;
        }

        db.SaleStateChanges.Add(change.Value!);
        if (SaleWorkflow.IsClosed(to) || to is SaleState.Installed or SaleState.Delivered)
        {
            unit.Sale.FollowUpAt = null;
        }

        SaleUnits.ClaimIfFree(unit, scope, now);
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

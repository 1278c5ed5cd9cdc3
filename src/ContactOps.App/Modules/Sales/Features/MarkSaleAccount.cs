using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

/// <summary>
/// The marking left on the account (<c>CTA</c>) with the back office's confirmations: the sale's codes were provisioned,
/// the subscriber is not in arrears or final notice, and (open work order) the technician visit is confirmed.
/// </summary>
public sealed record MarkSaleAccountRequest(string? Code, bool CodesProvisioned, bool NoArrears, bool VisitConfirmed, int? Version);

/// <summary>Records the account marking only when every condition holds; otherwise refuses listing the missing ones.</summary>
public sealed class MarkSaleAccount(IDbContextFactory<AppDbContext> dbs, AccessScope scope, TimeProvider time)
{
    public const string Cta = "CTA";

    public async Task<Result<SaleDetail>> HandleAsync(Guid saleId, MarkSaleAccountRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var loaded = await SaleUnits.LoadForWorkAsync(db, scope, saleId, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var code = string.IsNullOrWhiteSpace(request.Code) ? Cta : request.Code.Trim().ToUpperInvariant();
        if (code != Cta)
        {
            return Error.Invalid("code", "sale.marking_unknown");
        }

        var unit = loaded.Value!;
        if (unit.Sale.AccountMarking is not null)
        {
            return Error.Conflict("sale.already_marked", unit.Sale.AccountMarking);
        }

        bool? badStanding = null;
        if (unit.Sale.AccountNumber is { } account)
        {
            var standing = await CustomerFacts.AccountStandingAsync(db, unit.Sale.ClientId, account, ct);
            badStanding = standing is null ? null : standing.InArrears || standing.FinalNotice;
        }

        var missing = SaleWorkflow.MissingForMarking(unit.Sale, unit.Steps, unit.Checklist, request.CodesProvisioned, request.NoArrears, request.VisitConfirmed, badStanding);
        if (missing.Count > 0)
        {
            return Error.Conflict("sale.marking_conditions", string.Join("; ", missing));
        }

        var now = time.GetUtcNow();
        unit.Sale.AccountMarking = Cta;
        unit.Sale.MarkedAt = now;
        SaleUnits.ClaimIfFree(unit, scope, now);
        return await GetSale.AfterAsync(db, await SaleUnits.SaveAsync(unit, ct), saleId, ct);
    }
}

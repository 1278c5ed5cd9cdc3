using ContactOps.Platform.Localization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

public sealed record CreateClaimsRequest(Guid CutId, IReadOnlyList<Guid>? ItemIds = null);

public sealed record ClaimView(Guid Id, Guid CutId, Guid ItemId, Guid SaleId, string Key, ClaimState State, ClaimOutcome? Outcome, string? SentReference, DateTimeOffset? SentAt, string? AnswerText, DateTimeOffset? AnsweredAt, string OpenedBy);

public sealed record SendClaimRequest(string? Reference);

public sealed record AnswerClaimRequest(ClaimOutcome? Outcome, string? Answer);

/// <summary>
/// Claims to the carrier for sales of ours missing from its sheet: raised from a cut's missing items (all of them or the
/// chosen ones; an item already claimed is skipped), sent, and answered (accepted or rejected with the carrier's text).
/// </summary>
public sealed class ManageSaleClaims(AppDbContext db, AccessScope scope, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<ClaimView>>> CreateAsync(CreateClaimsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cut = await db.ReconciliationCuts.FirstOrDefaultAsync(c => c.Id == request.CutId, ct);
        if (cut is null)
        {
            return Error.NotFound("reconciliation.not_found");
        }

        if (!ReconcileSales.CanReconcile(scope, cut.OperationId))
        {
            return Error.Forbidden("claims.forbidden");
        }

        var items = db.ReconciliationItems.Where(i => i.CutId == cut.Id && i.Category == ReconciliationCategory.MissingAtCarrier && i.SaleId != null);
        if (request.ItemIds is { Count: > 0 } chosen)
        {
            var ids = chosen.Distinct().ToList();
            var found = await items.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
            if (found.Count != ids.Count)
            {
                return Error.Invalid("itemIds", "claims.not_missing");
            }

            items = items.Where(i => ids.Contains(i.Id));
        }

        var candidates = await items
            .Where(i => !db.SaleClaims.Any(c => c.ItemId == i.Id))
            .OrderBy(i => i.Key)
            .Select(i => new { i.Id, i.SaleId, i.Key })
            .ToListAsync(ct);
        var claims = candidates.Select(i => new SaleClaim(cut.ClientId, cut.OperationId, cut.Id, i.Id, i.SaleId!.Value, i.Key, scope.UserName)).ToList();
        db.SaleClaims.AddRange(claims);
        cut.AddClaims(claims.Count);
        await db.SaveChangesAsync(ct);
        return claims.Select(ToView).ToList();
    }

    public async Task<Result<IReadOnlyList<ClaimView>>> ListAsync(Guid cutId, CancellationToken ct)
    {
        if (await BrowseReconciliation.DeniedAsync(db, scope, cutId, ct) is { } denied)
        {
            return denied;
        }

        var claims = await db.SaleClaims.AsNoTracking().Where(c => c.CutId == cutId).OrderBy(c => c.Key).ToListAsync(ct);
        return claims.Select(ToView).ToList();
    }

    public async Task<Result<ClaimView>> SendAsync(Guid claimId, SendClaimRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = await db.SaleClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return Error.NotFound("claim.not_found");
        }

        if (!ReconcileSales.CanReconcile(scope, claim.OperationId))
        {
            return Error.Forbidden("claims.forbidden#2");
        }

        if (request.Reference is { Length: > 200 })
        {
            return Error.Invalid("reference", "claim.reference_too_long");
        }

        if (!claim.MarkSent(request.Reference, time.GetUtcNow()))
        {
            return Error.Conflict("claim.not_open");
        }

        await db.SaveChangesAsync(ct);
        return ToView(claim);
    }

    public async Task<Result<ClaimView>> AnswerAsync(Guid claimId, AnswerClaimRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Outcome is null)
        {
            errors["outcome"] = [Messages.Text("Field.ManageSaleClaims.outcome")];
        }

        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > 2000)
        {
            errors["answer"] = [Messages.Text("Field.ManageSaleClaims.answer")];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var claim = await db.SaleClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return Error.NotFound("claim.not_found");
        }

        if (!ReconcileSales.CanReconcile(scope, claim.OperationId))
        {
            return Error.Forbidden("claims.forbidden#2");
        }

        if (!claim.Answer(request.Outcome!.Value, request.Answer!, time.GetUtcNow()))
        {
            return Error.Conflict(claim.State == ClaimState.Open ? "claim.not_sent" : "claim.not_sent#answered");
        }

        await db.SaveChangesAsync(ct);
        return ToView(claim);
    }

    private static ClaimView ToView(SaleClaim c) =>
        new(c.Id, c.CutId, c.ItemId, c.SaleId, c.Key, c.State, c.Outcome, c.SentReference, c.SentAt, c.AnswerText, c.AnsweredAt, c.OpenedBy);
}

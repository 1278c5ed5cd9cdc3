using ContactOps.Platform.Localization;
using System.Text.RegularExpressions;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>PUT body of a cause: name, the evidence list (one item per line in the UI), active.</summary>
public sealed record AdjustmentCauseRequest(string? Name, IReadOnlyList<string>? Evidence, bool? IsActive);

/// <summary>
/// The operation's causes (A–M seeded; more letters may be added): everyone who sees the cell reads them; admins change a
/// cause's name, evidence and active flag, or add a new letter (PUT on a letter that does not exist yet creates it).
/// </summary>
public sealed partial class ManageAdjustmentCauses(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<AdjustmentCauseInfo>>> ListAsync(string? operation, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await AdjustmentLookups.OperationAsync(db, scope, operation, AdjustmentWorkflow.ViewRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var causes = await db.AdjustmentCauses.AsNoTracking().Where(c => c.OperationId == opId).OrderBy(c => c.SortOrder).ThenBy(c => c.Letter).ToListAsync(ct);
        return causes.Select(GetAdjustment.Info).ToList();
    }

    public async Task<Result<AdjustmentCauseInfo>> SaveAsync(string? operation, string? letter, AdjustmentCauseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var l = letter?.Trim().ToUpperInvariant() ?? "";
        if (!LetterPattern().IsMatch(l))
        {
            fields["letter"] = [Messages.Text("Field.ManageAdjustmentCauses.letter")];
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 3 or > 200)
        {
            fields["name"] = [Messages.Text("Field.ManageAdjustmentCauses.name")];
        }

        var evidence = (request.Evidence ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (evidence.Count == 0)
        {
            fields["evidence"] = [Messages.Text("Field.ManageAdjustmentCauses.evidence")];
        }
        else if (evidence.Count > 20 || evidence.Any(e => e.Length > 200))
        {
            fields["evidence"] = [Messages.Text("Field.ManageAdjustmentCauses.evidence#2")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await AdjustmentLookups.OperationAsync(db, scope, operation, AdjustmentWorkflow.AdminRoles, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var opId = op.Value!.Id;
        var cause = await db.AdjustmentCauses.FirstOrDefaultAsync(c => c.OperationId == opId && c.Letter == l, ct);
        if (cause is null)
        {
            var order = await db.AdjustmentCauses.Where(c => c.OperationId == opId).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? -1;
            cause = new AdjustmentCause(op.Value.ClientId, opId, l, name, evidence, order + 1);
            if (request.IsActive == false)
            {
                cause.Update(name, evidence, false);
            }

            db.AdjustmentCauses.Add(cause);
        }
        else
        {
            cause.Update(name, evidence, request.IsActive ?? cause.IsActive);
        }

        await db.SaveChangesAsync(ct);
        return GetAdjustment.Info(cause);
    }

    [GeneratedRegex("^[A-Z]{1,2}$")]
    private static partial Regex LetterPattern();
}

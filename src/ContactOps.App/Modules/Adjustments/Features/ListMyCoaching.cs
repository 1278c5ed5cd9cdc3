using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments.Features;

/// <summary>
/// GET /api/v1/adjustments/coaching/mine — "Mis retroalimentaciones": the caller's own coaching records across the
/// operations of their clients, newest week first, each with its improvement tracking.
/// Why reading past the tenancy filter is safe here: the front agent usually works in another operation (e.g.
/// premium-sales) than the adjustments cell that coached them, so the operation filter would hide their own records. The
/// query is restricted explicitly to rows whose AgentLogin equals the caller's own user name AND whose client is one the
/// caller belongs to; those rows describe only the caller (their counts, the commitment, the supervisor's name), and the
/// improvement figures read past the filter are likewise restricted to that record's operation and the caller's login.
/// </summary>
public sealed class ListMyCoaching(AppDbContext db, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<CoachingView>>> HandleAsync(CancellationToken ct)
    {
        var login = await MyCoaching.LoginAsync(db, scope, ct);
        if (login is null)
        {
            return Error.Forbidden("coaching.user_required");
        }

        var clients = scope.ClientIds.ToList();
        var records = await db.CoachingRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.AgentLogin == login && clients.Contains(c.ClientId) && c.Commitment != null)
            .ToListAsync(ct);
        var ops = await MyCoaching.OperationNamesAsync(db, records.Select(r => r.OperationId).Distinct().ToList(), ct);
        var views = new List<CoachingView>();
        foreach (var r in records.OrderByDescending(r => r.IsoWeek, StringComparer.Ordinal).ThenBy(r => r.OperationId))
        {
            var improvement = await CoachingStats.ImprovementAsync(db, r, ct, bypassTenancy: true);
            var (code, name) = ops.GetValueOrDefault(r.OperationId, ("", ""));
            views.Add(CoachingView.Of(r, code, name, improvement));
        }

        return views;
    }
}

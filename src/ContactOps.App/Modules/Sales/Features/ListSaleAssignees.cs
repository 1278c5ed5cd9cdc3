using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Features;

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

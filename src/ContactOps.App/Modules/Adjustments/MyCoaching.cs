using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Adjustments;

/// <summary>Looks up the caller's own login and operation names for the agent's coaching view.</summary>
public static class MyCoaching
{
    /// <summary>The signed-in user's user name, lower case (the carrier's files write logins in lower case); null for the system or an API key without a user.</summary>
    public static async Task<string?> LoginAsync(AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.UserId is not { } userId)
        {
            return null;
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        return name?.Trim().ToLowerInvariant();
    }

    public static async Task<Dictionary<Guid, (string Code, string Name)>> OperationNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ops = await db.Operations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct);
        return ops.ToDictionary(o => o.Id, o => (o.Code, o.Name));
    }
}

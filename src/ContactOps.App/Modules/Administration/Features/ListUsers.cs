using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>Users with memberships in the clients the caller administers (every user for a platform admin); <c>q</c> filters by user or display name.</summary>
public sealed class ListUsers(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<Page<UserRow>>> HandleAsync(string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!access.IsPlatformAdmin)
        {
            var clientIds = access.AdministeredClientIds;
            var userIds = db.Memberships.IgnoreQueryFilters().Where(m => clientIds.Contains(m.ClientId)).Select(m => m.UserId);
            query = query.Where(u => userIds.Contains(u.Id));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToUpperInvariant();
#pragma warning disable CA1304 // translated to SQL UPPER(); no .NET culture involved
            query = query.Where(u => u.NormalizedUserName!.Contains(text) || u.DisplayName.ToUpper().Contains(text));
#pragma warning restore CA1304
        }

        var list = await query.OrderBy(u => u.UserName).ToPageAsync(paging.Value, ct);
        var rows = await users.RowsAsync(db, list.Items, ct);
        return new Page<UserRow>(rows, list.PageNumber, list.PageSize, list.Total);
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

/// <summary>
/// The users an admin administers: every user for a platform admin; the client's people for a client admin; the people of
/// the operations they administer for an operation admin. <c>q</c> filters by user or display name.
/// </summary>
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
            // Client admins: everyone in their clients; operation admins: the people of the operations they administer.
            var clientIds = access.Scope.AdministeredClientIds;
            var opIds = access.AdminMembershipOperationIds;
            var grantees = clientIds.Select(c => c.ToString()).ToList();
            var userIds = db.Memberships.IgnoreQueryFilters().Where(m => clientIds.Contains(m.ClientId) || opIds.Contains(m.OperationId)).Select(m => m.UserId)
                .Concat(db.UserClaims.Where(c => c.ClaimType == AccessScope.ClientAdminClaim && grantees.Contains(c.ClaimValue!)).Select(c => c.UserId));
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
        return new Page<UserRow>(rows, list.PageNumber, list.PageSize, list.Total, list.TotalCapped);
    }
}

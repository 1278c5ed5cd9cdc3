using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration;

public sealed record MembershipRow(Guid Id, string Client, string Operation, string Role, Guid? TeamId);

/// <summary>A user as an admin sees them: only the memberships (and client-admin grants) within the admin's own scope.</summary>
public sealed record UserRow(Guid Id, string UserName, string DisplayName, string? Email, bool IsActive, bool IsPlatformAdmin, bool IsLockedOut, IReadOnlyList<MembershipRow> Memberships, IReadOnlyList<string> ClientAdminOf, DateTimeOffset? LockedUntil = null, int FailedSignIns = 0, int LockoutStreak = 0, string? Extension = null, string? DialerLogin = null);

/// <summary>Finding users an admin may manage, and describing them.</summary>
public sealed class AdminUsers(AdminAccess access, UserManager<AppUser> users, AuditLog audit, TimeProvider time)
{
    public UserManager<AppUser> Manager => users;

    /// <summary>
    /// A user the caller may manage (reset the password, unlock, (de)activate): a platform admin manages anyone but
    /// other platform admins' peers aside; a client admin manages users whose every membership and client-admin grant
    /// lies in clients they administer; an operation admin manages users whose every membership lies in operations
    /// they administer and who administer no client. A user the caller cannot see at all is not found (404); one who
    /// reaches beyond the caller's scope is refused (403). A user with no membership and no grant yet (just created)
    /// is manageable by any admin.
    /// </summary>
    public async Task<Result<AppUser>> ManageableAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("user.not_found");
        }

        if (access.IsPlatformAdmin)
        {
            return user;
        }

        var reach = await ReachAsync(db, user, ct);
        if (!reach.Visible)
        {
            return Error.NotFound("user.not_found");
        }

        if (user.IsPlatformAdmin || !reach.WithinScope)
        {
            return Error.Forbidden("user.out_of_scope");
        }

        return user;
    }

    /// <summary>
    /// A user the caller may add to an operation of <paramref name="clientId"/>: visible to the caller, not a platform
    /// admin, and with no membership or grant in another client. 404 when the caller cannot see the user.
    /// </summary>
    public async Task<Result<AppUser>> AddableAsync(AppDbContext db, Guid userId, Guid clientId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("user.not_found");
        }

        if (access.IsPlatformAdmin)
        {
            return user;
        }

        var reach = await ReachAsync(db, user, ct);
        if (!reach.Visible)
        {
            return Error.NotFound("user.not_found");
        }

        return user.IsPlatformAdmin || reach.Clients.Any(c => c != clientId) ? Error.Forbidden("user.other_client") : user;
    }

    /// <summary>The clients a user belongs to, whether the caller sees the user, and whether the user lies within the caller's scope.</summary>
    private async Task<(bool Visible, bool WithinScope, IReadOnlyList<Guid> Clients)> ReachAsync(AppDbContext db, AppUser user, CancellationToken ct)
    {
        var memberships = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
            .Select(m => new { m.ClientId, m.OperationId }).ToListAsync(ct);
        var granted = (await users.GetClaimsAsync(user)).Where(c => c.Type == AccessScope.ClientAdminClaim)
            .Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty).ToList();
        var clients = memberships.Select(m => m.ClientId).Concat(granted).Distinct().ToList();
        if (clients.Count == 0)
        {
            return (!user.IsPlatformAdmin, !user.IsPlatformAdmin, clients);
        }

        var visible = clients.Any(access.SeesClient);
        var within = clients.All(access.Administers)
            || (granted.Count == 0 && memberships.All(m => access.AdministersOperation(m.ClientId, m.OperationId)));
        return (visible, within, clients);
    }

    /// <summary>Appends an audit entry of an account action (password reset, unlock, access change) under the user's client.</summary>
    public async Task AuditAsync(AppDbContext db, AppUser user, string action, object? details, CancellationToken ct)
    {
        var membership = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
            .OrderBy(m => m.CreatedAt).Select(m => new { m.ClientId, m.OperationId }).FirstOrDefaultAsync(ct);
        await audit.AppendAsync(db, membership?.ClientId, membership?.OperationId, nameof(AppUser), user.Id.ToString(), AuditAction.AccountAction,
            new { action, user = user.UserName, details }, ct);
    }

    public async Task<UserRow> RowAsync(AppDbContext db, AppUser user, CancellationToken ct) =>
        (await RowsAsync(db, [user], ct))[0];

    public async Task<IReadOnlyList<UserRow>> RowsAsync(AppDbContext db, IReadOnlyList<AppUser> list, CancellationToken ct)
    {
        var ids = list.Select(u => u.Id).ToList();
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(ct);
        if (!access.IsPlatformAdmin)
        {
            memberships = memberships.Where(m => access.AdministersOperation(m.ClientId, m.OperationId)).ToList();
        }

        var grants = (await db.UserClaims.AsNoTracking().Where(c => ids.Contains(c.UserId) && c.ClaimType == AccessScope.ClientAdminClaim)
                .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(ct))
            .Select(c => (c.UserId, ClientId: Guid.TryParse(c.ClaimValue, out var g) ? g : Guid.Empty))
            .Where(c => access.SeesClient(c.ClientId)).ToList();
        var opIds = memberships.Select(m => m.OperationId).Distinct().ToList();
        var clientIds = memberships.Select(m => m.ClientId).Concat(grants.Select(g => g.ClientId)).Distinct().ToList();
        var ops = await db.Operations.IgnoreQueryFilters().Where(o => opIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var clients = await db.Clients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var now = time.GetUtcNow();
        return list.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.IsActive, u.IsPlatformAdmin, u.LockoutEnd is { } end && end > now,
            memberships.Where(m => m.UserId == u.Id)
                .Select(m => new MembershipRow(m.Id, clients.GetValueOrDefault(m.ClientId, "?"), ops.GetValueOrDefault(m.OperationId, "?"), m.Role.ToString(), m.TeamId))
                .OrderBy(m => m.Client, StringComparer.Ordinal).ThenBy(m => m.Operation, StringComparer.Ordinal).ToList(),
            grants.Where(g => g.UserId == u.Id).Select(g => clients.GetValueOrDefault(g.ClientId, "?")).Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd > now ? u.LockoutEnd : null, u.AccessFailedCount, u.LockoutStreak, u.Extension, u.DialerLogin)).ToList();
    }

    /// <summary>Identity's errors (already Spanish) as field errors.</summary>
    public static Error FromIdentity(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var e in result.Errors)
        {
            var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) ? "email"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
                : "";
            errors.Add(field, e.Description);
        }

        return errors.ToError();
    }
}

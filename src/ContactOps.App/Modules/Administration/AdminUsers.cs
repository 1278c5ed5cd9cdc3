using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration;

public sealed record MembershipRow(Guid Id, string Client, string Operation, string Role, Guid? TeamId);

public sealed record UserRow(Guid Id, string UserName, string DisplayName, string? Email, bool IsActive, bool IsPlatformAdmin, bool IsLockedOut, IReadOnlyList<MembershipRow> Memberships, DateTimeOffset? LockedUntil = null, int FailedSignIns = 0, int LockoutStreak = 0);

/// <summary>Finding users an admin may manage, and describing them.</summary>
public sealed class AdminUsers(AdminAccess access, UserManager<AppUser> users, TimeProvider time)
{
    public UserManager<AppUser> Manager => users;

    /// <summary>
    /// A user the caller may manage: a platform admin manages anyone; a client admin manages users whose
    /// memberships are all in clients they administer (or who have none yet, e.g. just created).
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

        var clientIds = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == userId).Select(m => m.ClientId).Distinct().ToListAsync(ct);
        if (clientIds.Count == 0 && !user.IsPlatformAdmin)
        {
            return user;
        }

        var administered = clientIds.Count(access.Administers);
        if (administered == 0 && !clientIds.Any(access.Scope.CanSeeClient))
        {
            return Error.NotFound("user.not_found");
        }

        if (user.IsPlatformAdmin || administered < clientIds.Count)
        {
            return Error.Forbidden("user.other_client");
        }

        return user;
    }

    public async Task<UserRow> RowAsync(AppDbContext db, AppUser user, CancellationToken ct) =>
        (await RowsAsync(db, [user], ct))[0];

    public async Task<IReadOnlyList<UserRow>> RowsAsync(AppDbContext db, IReadOnlyList<AppUser> list, CancellationToken ct)
    {
        var ids = list.Select(u => u.Id).ToList();
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(ct);
        if (!access.IsPlatformAdmin)
        {
            memberships = memberships.Where(m => access.Administers(m.ClientId)).ToList();
        }

        var opIds = memberships.Select(m => m.OperationId).Distinct().ToList();
        var clientIds = memberships.Select(m => m.ClientId).Distinct().ToList();
        var ops = await db.Operations.IgnoreQueryFilters().Where(o => opIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var clients = await db.Clients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var now = time.GetUtcNow();
        return list.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.IsActive, u.IsPlatformAdmin, u.LockoutEnd is { } end && end > now,
            memberships.Where(m => m.UserId == u.Id)
                .Select(m => new MembershipRow(m.Id, clients.GetValueOrDefault(m.ClientId, "?"), ops.GetValueOrDefault(m.OperationId, "?"), m.Role.ToString(), m.TeamId))
                .OrderBy(m => m.Client, StringComparer.Ordinal).ThenBy(m => m.Operation, StringComparer.Ordinal).ToList(),
            u.LockoutEnd > now ? u.LockoutEnd : null, u.AccessFailedCount, u.LockoutStreak)).ToList();
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

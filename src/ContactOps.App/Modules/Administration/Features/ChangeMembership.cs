using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record ChangeMembershipRequest(string? Role, Guid? TeamId);

/// <summary>Changes a user's role (and team) in one operation.</summary>
public sealed class ChangeMembership(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid membershipId, ChangeMembershipRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var role = errors.Enum<Role>("role", request.Role, "El rol");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await FindAsync(db, access, membershipId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var m = found.Value!;
        var team = await CheckTeamAsync(db, m.OperationId, request.TeamId, ct);
        if (!team.IsSuccess)
        {
            return team.Error!;
        }

        m.Change(role!.Value, request.TeamId);
        await db.SaveChangesAsync(ct);
        var user = await users.Manager.FindByIdAsync(m.UserId.ToString());
        await users.Manager.UpdateSecurityStampAsync(user!);
        return await users.RowAsync(db, user!, ct);
    }

    internal static async Task<Result<Membership>> FindAsync(AppDbContext db, AdminAccess access, Guid membershipId, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var m = await db.Memberships.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == membershipId, ct);
        if (m is null)
        {
            return Error.NotFound("membership.not_found");
        }

        var check = access.CheckOperation(m.ClientId, m.OperationId);
        return check.IsSuccess ? m : check.Error!;
    }

    internal static async Task<Result> CheckTeamAsync(AppDbContext db, Guid operationId, Guid? teamId, CancellationToken ct)
    {
        if (teamId is { } t && !await OrganizationLookups.TeamBelongsToOperationAsync(db, t, operationId, ct))
        {
            return Error.Invalid("teamId", "team.not_in_operation");
        }

        return Result.Success();
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record AddMembershipRequest(string? Operation, string? Role, Guid? TeamId);

/// <summary>
/// Gives a user a role in an operation the caller administers (optionally in a team). The user must be visible to the caller
/// and belong to no other client (404 / 403 otherwise), so an admin never reaches another client's people.
/// </summary>
public sealed class AddMembership(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(Guid userId, AddMembershipRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var role = errors.Enum<Role>("role", request.Role, "El rol");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, request.Operation, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var addable = await users.AddableAsync(db, userId, op.Value!.ClientId, ct);
        if (!addable.IsSuccess)
        {
            return addable.Error!;
        }

        var user = addable.Value!;

        var opId = op.Value!.Id;
        var team = await ChangeMembership.CheckTeamAsync(db, opId, request.TeamId, ct);
        if (!team.IsSuccess)
        {
            return team.Error!;
        }

        if (await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.OperationId == opId, ct))
        {
            return Error.Conflict("membership.duplicate");
        }

        db.Memberships.Add(new Membership(userId, op.Value.ClientId, opId, role!.Value, request.TeamId));
        await db.SaveChangesAsync(ct);
        await users.Manager.UpdateSecurityStampAsync(user);
        return await users.RowAsync(db, user, ct);
    }
}

using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

/// <summary>A member of an operation as the teams screen shows it.</summary>
public sealed record TeamMemberRow(Guid MembershipId, Guid UserId, string UserName, string DisplayName, string Role, Guid? TeamId);

public sealed record TeamRow(Guid Id, string Operation, string Name, Guid? SupervisorUserId, string? SupervisorName, IReadOnlyList<TeamMemberRow> Members);

/// <summary>The teams of an operation with their members, and the members who have no team yet.</summary>
public sealed record TeamsView(string Operation, IReadOnlyList<TeamRow> Teams, IReadOnlyList<TeamMemberRow> WithoutTeam);

public sealed record TeamRequest(string? Name, string? Supervisor);

public sealed record TeamMembersRequest(IReadOnlyList<Guid>? MembershipIds);

/// <summary>Teams (equipos) of an operation: list, create, rename, supervisor, members. Reports group agents by team.</summary>
public sealed class ManageTeams(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<TeamsView>> ListAsync(string? operationCode, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        return await ViewAsync(db, op.Value!, ct);
    }

    public async Task<Result<TeamsView>> CreateAsync(string? operationCode, TeamRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name, 120, "El nombre del equipo");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        var name = request.Name!.Trim();
        if (await db.Teams.IgnoreQueryFilters().AnyAsync(t => t.OperationId == operation.Id && t.Name == name, ct))
        {
            return Error.Conflict("team.duplicate_name", name);
        }

        var supervisor = await SupervisorAsync(db, operation.Id, request.Supervisor, ct);
        if (!supervisor.IsSuccess)
        {
            return supervisor.Error!;
        }

        var team = new Team(operation.ClientId, operation.Id, name);
        team.AssignSupervisor(supervisor.Value);
        db.Teams.Add(team);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // The same name created by someone else at the same time: the unique index lets one through.
            return Error.Conflict("team.duplicate_name", name);
        }

        return await ViewAsync(db, operation, ct);
    }

    public async Task<Result<TeamsView>> UpdateAsync(string? operationCode, Guid teamId, TeamRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name, 120, "El nombre del equipo");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        var team = await db.Teams.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == teamId && t.OperationId == operation.Id, ct);
        if (team is null)
        {
            return Error.NotFound("team.not_found");
        }

        var name = request.Name!.Trim();
        if (await db.Teams.IgnoreQueryFilters().AnyAsync(t => t.OperationId == operation.Id && t.Name == name && t.Id != teamId, ct))
        {
            return Error.Conflict("team.duplicate_name", name);
        }

        var supervisor = await SupervisorAsync(db, operation.Id, request.Supervisor, ct);
        if (!supervisor.IsSuccess)
        {
            return supervisor.Error!;
        }

        team.Rename(name);
        team.AssignSupervisor(supervisor.Value);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, operation, ct);
    }

    /// <summary>Puts the given members of the operation in the team (moving them from any other team).</summary>
    public async Task<Result<TeamsView>> AddMembersAsync(string? operationCode, Guid teamId, TeamMembersRequest request, CancellationToken ct) =>
        await MoveAsync(operationCode, teamId, request, ct);

    /// <summary>Takes the given members out of their team (they stay in the operation, without team).</summary>
    public async Task<Result<TeamsView>> RemoveMembersAsync(string? operationCode, TeamMembersRequest request, CancellationToken ct) =>
        await MoveAsync(operationCode, null, request, ct);

    private async Task<Result<TeamsView>> MoveAsync(string? operationCode, Guid? teamId, TeamMembersRequest request, CancellationToken ct)
    {
        if (request.MembershipIds is not { Count: > 0 } ids)
        {
            return Error.Invalid("membershipIds", "team.members_required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var op = await access.OperationAsync(db, operationCode, ct);
        if (!op.IsSuccess)
        {
            return op.Error!;
        }

        var operation = op.Value!;
        if (teamId is { } t && !await OrganizationLookups.TeamBelongsToOperationAsync(db, t, operation.Id, ct))
        {
            return Error.NotFound("team.not_found");
        }

        var distinct = ids.Distinct().ToList();
        var memberships = await db.Memberships.IgnoreQueryFilters().Where(m => distinct.Contains(m.Id) && m.OperationId == operation.Id).ToListAsync(ct);
        if (memberships.Count != distinct.Count)
        {
            return Error.Invalid("membershipIds", "team.member_not_in_operation");
        }

        foreach (var m in memberships)
        {
            m.Change(m.Role, teamId);
        }

        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, operation, ct);
    }

    private static async Task<Result<Guid?>> SupervisorAsync(AppDbContext db, Guid operationId, string? userName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return (Guid?)null;
        }

        var name = userName.Trim();
        var userId = await (from m in db.Memberships.IgnoreQueryFilters()
                            join u in db.Users on m.UserId equals u.Id
                            where m.OperationId == operationId && u.UserName == name
                            select (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return userId is null
            ? Error.Invalid("supervisor", "team.supervisor_not_member", name)
            : userId;
    }

    private static async Task<TeamsView> ViewAsync(AppDbContext db, Operation operation, CancellationToken ct)
    {
        var teams = await db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => t.OperationId == operation.Id).OrderBy(t => t.Name).ToListAsync(ct);
        var members = await (from m in db.Memberships.IgnoreQueryFilters().AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.OperationId == operation.Id
                             orderby u.DisplayName
                             select new TeamMemberRow(m.Id, u.Id, u.UserName!, u.DisplayName, m.Role.ToString(), m.TeamId)).ToListAsync(ct);
        var supervisorIds = teams.Where(t => t.SupervisorUserId is not null).Select(t => t.SupervisorUserId!.Value).Distinct().ToList();
        var supervisors = await db.Users.AsNoTracking().Where(u => supervisorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = teams.Select(t => new TeamRow(
            t.Id,
            operation.Code,
            t.Name,
            t.SupervisorUserId,
            t.SupervisorUserId is { } s && supervisors.TryGetValue(s, out var n) ? n : null,
            members.Where(m => m.TeamId == t.Id).ToList())).ToList();
        return new TeamsView(operation.Code, rows, members.Where(m => m.TeamId is null || teams.All(t => t.Id != m.TeamId)).ToList());
    }
}

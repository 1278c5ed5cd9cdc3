using ContactOps.Platform.Localization;
using ContactOps.Modules.Organization.Contracts;
using System.Text.RegularExpressions;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Administration.Features;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Email, string? Password);

/// <summary>Creates a user with an initial password (Identity's policy, Spanish messages). Access comes from memberships added next.</summary>
public sealed partial class CreateUser(IDbContextFactory<AppDbContext> dbs, AdminAccess access, AdminUsers users)
{
    public async Task<Result<UserRow>> HandleAsync(CreateUserRequest request, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var errors = new FieldErrors();
        var userName = request.UserName?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", Messages.Text("Field.CreateUser.userName"));
        }

        errors.Require("displayName", request.DisplayName, 200, "El nombre para mostrar");
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add("email", Messages.Text("Field.CreateUser.email"));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", Messages.Text("Field.CreateUser.password"));
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var user = new AppUser { UserName = userName, DisplayName = request.DisplayName!.Trim(), Email = email, LockoutEnabled = true };
        var created = await users.Manager.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code == "DuplicateUserName")
                ? Error.Conflict("user.duplicate", userName)
                : AdminUsers.FromIdentity(created);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        return await users.RowAsync(db, user, ct);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

using System.Security.Claims;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactOps.Platform.Auth;

/// <summary>
/// Puts the user's memberships (operation, client, role) into the sign-in principal, read by <see cref="AccessScope"/>.
/// The clients a user administers as a whole are Identity user claims <see cref="AccessScope.ClientAdminClaim"/>, added by the base factory.
/// </summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccessScope.DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        identity.AddClaim(new Claim("co:culture", user.PreferredCulture));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(AccessScope.PlatformAdminClaim, "true"));
        }

        var memberships = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == user.Id)
            .Select(m => new { m.OperationId, m.ClientId, m.Role })
            .ToListAsync();
        foreach (var m in memberships)
        {
            identity.AddClaim(new Claim(AccessScope.MembershipClaim, AccessScope.FormatMembership(new ScopeMembership(m.OperationId, m.ClientId, m.Role))));
        }

        return identity;
    }
}

using ContactOps.Modules.Organization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers;

/// <summary>
/// Who may see a customer's full document number and phones ("personal data by need"). A customer belongs to a client,
/// not to an operation, so the caller may when they administer the client (platform and client admins), or when one of
/// their memberships in an operation of that client has a role in that operation's <see cref="Operation.PersonalDataRoles"/>
/// (by default the back office and the leaders). Everyone else who sees the customer verifies instead.
/// </summary>
public static class PersonalDataAccess
{
    /// <summary>
    /// Whether the caller may reveal personal data of the client's customers. With <paramref name="inOperation"/> (the
    /// operation the user works in on the screen, when it belongs to that client) only the membership there counts.
    /// </summary>
    public static async Task<bool> MayRevealAsync(AppDbContext db, AccessScope scope, Guid clientId, Guid? inOperation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.AdministersClient(clientId))
        {
            return true; // the system, platform admins and the client's admins
        }

        var memberships = scope.Memberships.Where(m => m.ClientId == clientId).ToList();
        if (inOperation is { } current && memberships.Exists(m => m.OperationId == current))
        {
            memberships = memberships.Where(m => m.OperationId == current).ToList();
        }

        if (memberships.Count == 0)
        {
            return false;
        }

        var operationIds = memberships.Select(m => m.OperationId).Distinct().ToArray();
        var settings = await db.Operations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ClientId == clientId && operationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.PersonalDataRoles })
            .ToDictionaryAsync(o => o.Id, o => Operation.ParsePersonalDataRoles(o.PersonalDataRoles), ct);
        return memberships.Exists(m => settings.TryGetValue(m.OperationId, out var roles) && roles.Contains(m.Role));
    }
}

using ContactOps.Platform.Auth;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Modules.Outbound;

/// <summary>Who may load, list, download and close lead bases, and manage the do-not-call list of an operation.</summary>
public static class LeadAccess
{
    public static bool CanManageBases(AccessScope scope, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.SeesAll || (scope.RoleIn(operationId) is { } role && (Roles.CanImport(role) || role == Role.Supervisor));
    }
}

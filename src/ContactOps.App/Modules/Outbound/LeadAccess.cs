using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ContactOps.Modules.Organization;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

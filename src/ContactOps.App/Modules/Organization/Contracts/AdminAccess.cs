using System.Text.RegularExpressions;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>
/// Who administers what, in three tiers:
/// <list type="bullet">
/// <item>a platform admin (or the system) administers everything;</item>
/// <item>a client admin (user claim <see cref="AccessScope.ClientAdminClaim"/>) administers one client: its operations,
/// calendars, users and every operation's memberships, keys and settings;</item>
/// <item>an operation admin (membership with role Admin) administers only the operations where they hold it: their
/// memberships, API keys, teams, catalogs and settings.</item>
/// </list>
/// Others are refused (403); records of a client the caller cannot see are not found (404).
/// </summary>
public sealed class AdminAccess(AccessScope scope)
{
    public static Error NotAdmin => Error.Forbidden("admin.forbidden");

    public static Error NotPlatformAdmin => Error.Forbidden("admin.platform_only");

    public static Error NotClientAdmin => Error.Forbidden("admin.client_only");

    public AccessScope Scope => scope;

    public bool IsPlatformAdmin => scope.SeesAll;

    /// <summary>True when the caller administers something: a client or at least one operation.</summary>
    public bool IsAnyAdmin => scope.SeesAll || scope.AdministeredClientIds.Count > 0 || scope.Memberships.Any(m => Roles.IsAdmin(m.Role));

    /// <summary>Clients in which the caller administers something (the whole client or some of its operations).</summary>
    public IReadOnlyList<Guid> AdministeredClientIds =>
        scope.Memberships.Where(m => Roles.IsAdmin(m.Role)).Select(m => m.ClientId).Concat(scope.AdministeredClientIds).Distinct().ToArray();

    /// <summary>Operations the caller administers through an Admin membership (a client admin administers every operation of the client besides).</summary>
    public IReadOnlyList<Guid> AdminMembershipOperationIds =>
        scope.Memberships.Where(m => Roles.IsAdmin(m.Role)).Select(m => m.OperationId).Distinct().ToArray();

    /// <summary>True when the caller administers the client as a whole (platform or client admin).</summary>
    public bool Administers(Guid clientId) => scope.AdministersClient(clientId);

    /// <summary>True when the caller administers the operation: its client's admin, or an Admin membership in it.</summary>
    public bool AdministersOperation(Guid clientId, Guid operationId) =>
        scope.AdministersClient(clientId) || scope.RoleIn(operationId) is Role.Admin;

    /// <summary>True when the caller sees the client at all (a membership, or administering it).</summary>
    public bool SeesClient(Guid clientId) => scope.CanSeeClient(clientId) || scope.AdministersClient(clientId);

    public Result RequireAnyAdmin() => IsAnyAdmin ? Result.Success() : NotAdmin;

    /// <summary>Success when the caller administers the whole client; 403 when they only see it; 404 when they don't see it.</summary>
    public Result Check(Guid clientId) =>
        Administers(clientId) ? Result.Success()
        : SeesClient(clientId) ? NotClientAdmin
        : Error.NotFound();

    /// <summary>Success when the caller administers the operation; 403 when they only see its client; 404 otherwise.</summary>
    public Result CheckOperation(Guid clientId, Guid operationId) =>
        AdministersOperation(clientId, operationId) ? Result.Success()
        : SeesClient(clientId) ? NotAdmin
        : Error.NotFound();

    /// <summary>
    /// A client the caller administers as a whole, by code (tracked). With <paramref name="toRead"/>, an operation admin of
    /// the client may have it too (to read its calendar, not to change it).
    /// </summary>
    public async Task<Result<Client>> ClientAsync(AppDbContext db, string? code, CancellationToken ct, bool withHolidays = false, bool toRead = false)
    {
        if (!IsAnyAdmin)
        {
            return NotAdmin;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("client", "client.required");
        }

        var c = code.Trim();
        IQueryable<Client> query = db.Clients.IgnoreQueryFilters(); // a client admin needs no membership; Check decides
        if (withHolidays)
        {
            query = query.Include(x => x.Holidays);
        }

        var client = await query.FirstOrDefaultAsync(x => x.Code == c, ct);
        if (client is null || !SeesClient(client.Id))
        {
            return Error.NotFound("client.not_found", c);
        }

        var check = toRead && AdministeredClientIds.Contains(client.Id) ? Result.Success() : Check(client.Id);
        return check.IsSuccess ? client : check.Error!;
    }

    /// <summary>An operation the caller administers, by code (tracked): any operation of a client they administer, or one where they are Admin.</summary>
    public async Task<Result<Operation>> OperationAsync(AppDbContext db, string? code, CancellationToken ct)
    {
        if (!IsAnyAdmin)
        {
            return NotAdmin;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("operation", "operation.required#2");
        }

        var c = code.Trim();
        var op = await db.Operations.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Code == c, ct);
        if (op is null || !SeesClient(op.ClientId))
        {
            return Error.NotFound("operation.not_found", c);
        }

        var check = CheckOperation(op.ClientId, op.Id);
        return check.IsSuccess ? op : check.Error!;
    }
}

/// <summary>Collects field errors (Spanish) for a request.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message) =>
        _fields[field] = _fields.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public void Require(string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} es obligatorio.");
        }
        else if (value.Trim().Length > maxLength)
        {
            Add(field, $"{label} admite máximo {maxLength} caracteres.");
        }
    }

    public TEnum? Enum<TEnum>(string field, string? value, string label)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().All(char.IsDigit)
            || !System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) || !System.Enum.IsDefined(parsed))
        {
            Add(field, $"{label} no es válido. Valores: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            return null;
        }

        return parsed;
    }

    public Error ToError() => Error.Validation(_fields);
}

public static partial class AdminPatterns
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    public static partial Regex Code();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex UpperSnake();
}

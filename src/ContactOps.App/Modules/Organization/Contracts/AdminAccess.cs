using System.Text.RegularExpressions;
using ContactOps.Modules.Organization;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>
/// Who administers what. A platform admin (or the system) administers every client; a member with role
/// Admin in any operation administers that operation's client (its operations, memberships, API keys,
/// calendar, catalogs). Others are refused (403); records of a client the caller cannot see are not found (404).
/// </summary>
public sealed class AdminAccess(AccessScope scope)
{
    public static Error NotAdmin => Error.Forbidden("admin.forbidden");

    public static Error NotPlatformAdmin => Error.Forbidden("admin.platform_only");

    public AccessScope Scope => scope;

    public bool IsPlatformAdmin => scope.SeesAll;

    /// <summary>True when the caller administers at least one client.</summary>
    public bool IsAnyAdmin => scope.SeesAll || scope.Memberships.Any(m => Roles.IsAdmin(m.Role));

    public IReadOnlyList<Guid> AdministeredClientIds =>
        scope.Memberships.Where(m => Roles.IsAdmin(m.Role)).Select(m => m.ClientId).Distinct().ToArray();

    public bool Administers(Guid clientId) => scope.SeesAll || scope.HasRoleInClient(clientId, Role.Admin);

    public Result RequireAnyAdmin() => IsAnyAdmin ? Result.Success() : NotAdmin;

    /// <summary>Success when the caller administers the client; 403 when they only see it; 404 when they don't see it.</summary>
    public Result Check(Guid clientId) =>
        Administers(clientId) ? Result.Success()
        : scope.CanSeeClient(clientId) ? NotAdmin
        : Error.NotFound();

    /// <summary>A client the caller administers, by code (tracked).</summary>
    public async Task<Result<Client>> ClientAsync(AppDbContext db, string? code, CancellationToken ct, bool withHolidays = false)
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
        IQueryable<Client> query = db.Clients;
        if (withHolidays)
        {
            query = query.Include(x => x.Holidays);
        }

        var client = await query.FirstOrDefaultAsync(x => x.Code == c, ct);
        if (client is null)
        {
            return Error.NotFound("client.not_found", c);
        }

        var check = Check(client.Id);
        return check.IsSuccess ? client : check.Error!;
    }

    /// <summary>An operation of a client the caller administers, by code (tracked). Not limited to the caller's own memberships.</summary>
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
        if (op is null || !scope.CanSeeClient(op.ClientId))
        {
            return Error.NotFound("operation.not_found", c);
        }

        var check = Check(op.ClientId);
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

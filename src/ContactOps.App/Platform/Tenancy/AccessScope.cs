using System.Globalization;
using System.Security.Claims;
using ContactOps.Platform.Auth;

namespace ContactOps.Platform.Tenancy;

/// <summary>One membership as carried in the caller's claims.</summary>
public readonly record struct ScopeMembership(Guid OperationId, Guid ClientId, Role Role);

/// <summary>
/// Who is calling and which operations (and so clients) they may see. Scoped per request, per Blazor
/// circuit and per CLI run. Every <c>AppDbContext</c> query is filtered by it; an empty scope sees nothing.
/// </summary>
public sealed class AccessScope
{
    public const string MembershipClaim = "co:membership";
    public const string PlatformAdminClaim = "co:platform-admin";
    public const string DisplayNameClaim = "co:name";
    public const string ApiKeyClaim = "co:api-key";

    /// <summary>A client the user administers as a whole (its operations, users, calendars); the value is the client id.</summary>
    public const string ClientAdminClaim = "co:client-admin";

    private ScopeMembership[] _memberships = [];

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "anónimo";

    /// <summary>The account's login (sign-in name, e.g. agent.premium-sales); <see cref="UserName"/> is the display name.</summary>
    public string? Login { get; private set; }

    /// <summary>The system itself (migrations, seeding, CLI verbs run by an operator on the server).</summary>
    public bool IsSystem { get; private set; }

    public bool IsPlatformAdmin { get; private set; }

    /// <summary>Sees every client's data: the system and platform admins.</summary>
    public bool SeesAll => IsSystem || IsPlatformAdmin;

    public IReadOnlyList<ScopeMembership> Memberships => _memberships;

    /// <summary>Client ids the caller may read. Used by query filters (parameterised per query).</summary>
    public IReadOnlyList<Guid> ClientIds { get; private set; } = [];

    /// <summary>Clients the caller administers as a whole (client admins). Not a read scope: data is read through memberships.</summary>
    public IReadOnlyList<Guid> AdministeredClientIds { get; private set; } = [];

    /// <summary>Operation ids the caller may read.</summary>
    public IReadOnlyList<Guid> OperationIds { get; private set; } = [];

    public bool IsAuthenticated => _authenticated || IsSystem;

    /// <summary>Set when the caller is an integration using an API key (no user behind it).</summary>
    public Guid? ApiKeyId { get; private set; }

    private bool _authenticated;

    public static AccessScope System(string name = "sistema")
    {
        var scope = new AccessScope();
        scope.SetSystem(name);
        return scope;
    }

    public void SetSystem(string name = "sistema")
    {
        IsSystem = true;
        UserName = name;
    }

    public void SetUser(ClaimsPrincipal? principal)
    {
        IsSystem = false;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            _authenticated = false;
            UserId = null;
            ApiKeyId = null;
            UserName = "anónimo";
            IsPlatformAdmin = false;
            AdministeredClientIds = [];
            SetMemberships([]);
            return;
        }

        _authenticated = true;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        UserId = Guid.TryParse(id, out var g) ? g : null;
        ApiKeyId = Guid.TryParse(principal.FindFirstValue(ApiKeyClaim), out var k) ? k : null;
        UserName = principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity.Name ?? "?";
        Login = principal.Identity.Name;
        IsPlatformAdmin = principal.HasClaim(PlatformAdminClaim, "true");
        AdministeredClientIds = principal.FindAll(ClientAdminClaim)
            .Select(c => Guid.TryParse(c.Value, out var client) ? client : Guid.Empty).Where(c => c != Guid.Empty).Distinct().ToArray();
        SetMemberships(principal.FindAll(MembershipClaim).Select(c => ParseMembership(c.Value)).OfType<ScopeMembership>().ToArray());
    }

    /// <summary>Acts as <paramref name="other"/> (a unit of work opened for a Blazor circuit acts as the circuit's user).</summary>
    public void CopyFrom(AccessScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        IsSystem = other.IsSystem;
        _authenticated = other._authenticated;
        UserId = other.UserId;
        ApiKeyId = other.ApiKeyId;
        UserName = other.UserName;
        Login = other.Login;
        IsPlatformAdmin = other.IsPlatformAdmin;
        AdministeredClientIds = other.AdministeredClientIds;
        SetMemberships(other._memberships);
    }

    public void SetMemberships(ScopeMembership[] memberships)
    {
        _memberships = memberships;
        ClientIds = memberships.Select(m => m.ClientId).Distinct().ToArray();
        OperationIds = memberships.Select(m => m.OperationId).Distinct().ToArray();
    }

    public bool CanSeeClient(Guid clientId) => SeesAll || ClientIds.Contains(clientId);

    /// <summary>True when the caller administers the client as a whole: the system, platform admins and the client's admins.</summary>
    public bool AdministersClient(Guid clientId) => SeesAll || AdministeredClientIds.Contains(clientId);

    public bool CanSeeOperation(Guid operationId) => SeesAll || OperationIds.Contains(operationId);

    /// <summary>The caller's role in an operation, or null when not a member. The system and platform admins act as Admin.</summary>
    public Role? RoleIn(Guid operationId)
    {
        if (SeesAll)
        {
            return Role.Admin;
        }

        foreach (var m in _memberships)
        {
            if (m.OperationId == operationId)
            {
                return m.Role;
            }
        }

        return null;
    }

    /// <summary>True when the caller holds one of the roles in that operation.</summary>
    public bool HasRole(Guid operationId, params Role[] roles) => RoleIn(operationId) is { } r && roles.Contains(r);

    /// <summary>True when the caller holds one of the roles in any operation of the client.</summary>
    public bool HasRoleInClient(Guid clientId, params Role[] roles) =>
        SeesAll || _memberships.Any(m => m.ClientId == clientId && roles.Contains(m.Role));

    /// <summary>True when the caller holds one of the roles anywhere.</summary>
    public bool HasAnyRole(params Role[] roles) => SeesAll || _memberships.Any(m => roles.Contains(m.Role));

    public static string FormatMembership(ScopeMembership m) =>
        string.Join('|', m.OperationId.ToString("N"), m.ClientId.ToString("N"), m.Role.ToString());

    private static ScopeMembership? ParseMembership(string value)
    {
        var parts = value.Split('|');
        if (parts.Length == 3
            && Guid.TryParseExact(parts[0], "N", out var op)
            && Guid.TryParseExact(parts[1], "N", out var client)
            && Enum.TryParse<Role>(parts[2], out var role))
        {
            return new ScopeMembership(op, client, role);
        }

        return null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UserName} ({(SeesAll ? "all" : _memberships.Length + " memberships")})");
}

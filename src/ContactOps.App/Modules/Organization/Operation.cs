using ContactOps.Platform;
using ContactOps.Platform.Auth;

namespace ContactOps.Modules.Organization;

public enum OperationKind
{
    InboundSales,
    SalesCell,
    Outbound,
    Adjustments,
    DigitalSales,
}

/// <summary>One line of work for a client (campaign, cell). Everything a user does happens in one operation.</summary>
public sealed class Operation : IAuditable, IStamped
{
    private readonly List<KpiTarget> _kpiTargets = [];

    private Operation()
    {
    }

    public Operation(Guid clientId, string code, string name, OperationKind kind)
    {
        Id = Ids.New();
        ClientId = clientId;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OperationKind Kind { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>Bolivian area code (2, 3 or 4) used to accept bare 7-digit fixed numbers; null elsewhere.</summary>
    public string? DefaultAreaCode { get; private set; }

    /// <summary>Days within which a second interaction of the same typology marks the first as not solved (FCR).</summary>
    public int FcrWindowDays { get; private set; } = 7;

    /// <summary>
    /// The operation of the same client whose back office works the sales this operation registers (e.g. premium-sales →
    /// sales-cell, PROCEDURES §2); null when the operation works its own sales.
    /// </summary>
    public Guid? SalesBackOfficeOperationId { get; private set; }

    /// <summary>
    /// The roles whose members may reveal a customer's full document number and phones (the rest verify instead):
    /// role names separated by commas, in the order of <see cref="Role"/>. Defaults to the back office and the leaders
    /// (<see cref="DefaultPersonalDataRoles"/>).
    /// </summary>
    public string PersonalDataRoles { get; private set; } = DefaultPersonalDataRoles;

    public IReadOnlyList<KpiTarget> KpiTargets => _kpiTargets;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => Id;

    public void Update(string name, OperationKind kind, string? defaultAreaCode, int fcrWindowDays, bool isActive)
    {
        Name = name;
        Kind = kind;
        DefaultAreaCode = string.IsNullOrWhiteSpace(defaultAreaCode) ? null : defaultAreaCode.Trim();
        FcrWindowDays = fcrWindowDays;
        IsActive = isActive;
    }

    /// <summary>Routes this operation's sales to a back-office operation (validated by the caller: same client, not itself).</summary>
    public void RouteSalesTo(Guid? backOfficeOperationId) =>
        SalesBackOfficeOperationId = backOfficeOperationId == Id ? null : backOfficeOperationId;

    /// <summary>
    /// Back office and leaders. Not agents nor data marshals (they do not need to read a number to do their job: agents
    /// verify what the customer says); not quality analysts either: they judge whether the agent validated the customer,
    /// which the masked data, the recording and the verify answer show, so by default they are kept to the least data.
    /// An operation that needs them adds them.
    /// </summary>
    public const string DefaultPersonalDataRoles = "BackOffice,Supervisor,Coordinator,Manager,Admin";

    /// <summary>The roles of <see cref="PersonalDataRoles"/>.</summary>
    public IReadOnlyList<Role> PersonalDataRoleList => ParsePersonalDataRoles(PersonalDataRoles);

    /// <summary>Whether a member with <paramref name="role"/> in this operation may reveal full personal data.</summary>
    public bool MayRevealPersonalData(Role role) => PersonalDataRoleList.Contains(role);

    /// <summary>Sets the roles that may reveal full personal data (none: only the client's and the platform's admins may).</summary>
    public void SetPersonalDataRoles(IEnumerable<Role> roles) => PersonalDataRoles = FormatPersonalDataRoles(roles);

    /// <summary>Reads a stored <see cref="PersonalDataRoles"/> value; unknown names are ignored.</summary>
    public static IReadOnlyList<Role> ParsePersonalDataRoles(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => Enum.TryParse<Role>(n, ignoreCase: false, out var r) && Enum.IsDefined(r) ? r : (Role?)null)
            .OfType<Role>().Distinct().Order().ToList();

    public static string FormatPersonalDataRoles(IEnumerable<Role> roles) =>
        string.Join(',', roles.Where(Enum.IsDefined).Distinct().Order().Select(r => r.ToString()));

    public void SetKpiTarget(string kpi, decimal target)
    {
        var existing = _kpiTargets.Find(k => k.Kpi == kpi);
        if (existing is null)
        {
            _kpiTargets.Add(new KpiTarget(kpi, target));
        }
        else
        {
            existing.Target = target;
        }
    }
}

/// <summary>A KPI goal of an operation, e.g. effectiveness ≥ 0.02. Stored as a fraction (0.7 = 70%).</summary>
public sealed class KpiTarget
{
    private KpiTarget()
    {
    }

    internal KpiTarget(string kpi, decimal target)
    {
        Kpi = kpi;
        Target = target;
    }

    public string Kpi { get; private set; } = "";

    public decimal Target { get; set; }
}

/// <summary>A group of agents with its supervisor, inside one operation.</summary>
public sealed class Team : IAuditable, IStamped
{
    private Team()
    {
    }

    public Team(Guid clientId, Guid operationId, string name)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? SupervisorUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Rename(string name) => Name = name;

    public void AssignSupervisor(Guid? userId) => SupervisorUserId = userId;
}

/// <summary>
/// A result code of the operation's catalog (tipificación). Codes are stable; flags drive KPIs and dialing.
/// </summary>
public sealed class Disposition : IAuditable, IStamped
{
    private Disposition()
    {
    }

    public Disposition(Guid clientId, Guid operationId, string code, string name, DispositionFlags flags, int sortOrder)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Code = code;
        Name = name;
        Flags = flags;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DispositionFlags Flags { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Update(string name, DispositionFlags flags, int sortOrder, bool isActive)
    {
        Name = name;
        Flags = flags;
        SortOrder = sortOrder;
        IsActive = isActive;
    }
}

[Flags]
public enum DispositionFlags
{
    None = 0,
    Answered = 1,
    Contact = 2,
    EffectiveContact = 4,
    Sale = 8,
    Final = 16,
    Callback = 32,
    DoNotCall = 64,
    NumberUnusable = 128,
    Machine = 256,
    Failed = 512,
    Escalation = 1024,
}

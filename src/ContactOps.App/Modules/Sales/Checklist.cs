using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>
/// The back-office procedure of one sale kind in one operation, as data: ordered steps, each with the evidence it
/// requires and the state it unlocks. Versioned: editing creates version n+1 (the previous one stops being current);
/// a sale keeps the version it started with (<see cref="Sale.ChecklistId"/>, <see cref="Sale.ChecklistVersion"/>).
/// </summary>
public sealed class ChecklistDefinition : IAuditable, IStamped
{
    private readonly List<ChecklistItem> _items = [];

    private ChecklistDefinition()
    {
    }

    public ChecklistDefinition(Guid clientId, Guid operationId, SaleKind kind, int version, string name, Guid? createdByUserId)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Kind = kind;
        Version = version;
        Name = name.Trim();
        IsCurrent = true;
        CreatedByUserId = createdByUserId;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public SaleKind Kind { get; private set; }

    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>True for the version new sales start with.</summary>
    public bool IsCurrent { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public IReadOnlyList<ChecklistItem> Items => _items;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public ChecklistItem AddItem(string code, string name, string? evidence, bool evidenceRequired, SaleState? unlocks, bool openWorkOrderOnly = false)
    {
        var item = new ChecklistItem(Id, ClientId, OperationId, _items.Count + 1, code, name, evidence, evidenceRequired, unlocks, openWorkOrderOnly);
        _items.Add(item);
        return item;
    }

    /// <summary>A newer version replaced this one; sales that started with it keep using it.</summary>
    public void Supersede() => IsCurrent = false;
}

/// <summary>One step of a checklist.</summary>
public sealed class ChecklistItem
{
    private ChecklistItem()
    {
    }

    internal ChecklistItem(Guid checklistId, Guid clientId, Guid operationId, int order, string code, string name, string? evidence, bool evidenceRequired, SaleState? unlocks, bool openWorkOrderOnly)
    {
        Id = Ids.New();
        ChecklistId = checklistId;
        ClientId = clientId;
        OperationId = operationId;
        Order = order;
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        EvidenceRequired = evidenceRequired && Evidence is not null;
        Unlocks = unlocks;
        OpenWorkOrderOnly = openWorkOrderOnly;
    }

    public Guid Id { get; private set; }

    public Guid ChecklistId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Position in the procedure (1, 2, …); a step needs every earlier applicable step OK.</summary>
    public int Order { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>Spanish name shown to the back office.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The evidence or reference the step records (e.g. "Referencia OTP"), when any.</summary>
    public string? Evidence { get; private set; }

    public bool EvidenceRequired { get; private set; }

    /// <summary>The state the sale reaches when this step (and every one before it) is OK.</summary>
    public SaleState? Unlocks { get; private set; }

    /// <summary>Only for home sales with an open work order (technician visit).</summary>
    public bool OpenWorkOrderOnly { get; private set; }
}

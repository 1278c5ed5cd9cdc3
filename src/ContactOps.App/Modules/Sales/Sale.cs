using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>Line of business of a sale ("tipo de venta"): home services, mobile, or devices (TyT).</summary>
public enum SaleLine
{
    Home,
    Mobile,
    Devices,
}

/// <summary>Kind of sale within its line (PROCEDURES §2).</summary>
public enum SaleKind
{
    HomeNewService,
    HomeBundle,
    HomeUpgrade,
    HomeAddOn,
    MobileNewLine,
    MobileMigration,
    MobilePortability,
    DeviceOnCredit,
}

/// <summary>Home sales: work order closed (no technician visit) or open (visit needed), derived from the products.</summary>
public enum WorkOrder
{
    NotApplicable,
    Closed,
    Open,
}

/// <summary>The sale's state machine (see <see cref="SaleStates"/>).</summary>
public enum SaleState
{
    Registered,
    InValidation,
    Validated,
    Scheduled,
    Reserved,
    Shipped,
    Installed,
    Delivered,
    Legalized,
    Rejected,
    Cancelled,
    NotInstalled,
}

/// <summary>Where a sale was registered.</summary>
public enum SaleOrigin
{
    Interaction,
    CustomerPage,
    OutboundDesk,
    Import,
}

public static class SaleKinds
{
    public static SaleLine LineOf(SaleKind kind) => kind switch
    {
        SaleKind.HomeNewService or SaleKind.HomeBundle or SaleKind.HomeUpgrade or SaleKind.HomeAddOn => SaleLine.Home,
        SaleKind.MobileNewLine or SaleKind.MobileMigration or SaleKind.MobilePortability => SaleLine.Mobile,
        _ => SaleLine.Devices,
    };
}

/// <summary>
/// One sale on the sales sheet ("hoja de ventas"): the same record for the front, the back office and the reports.
/// State changes go through the back-office workflow; <see cref="Version"/> is the optimistic-concurrency token.
/// </summary>
public sealed class Sale : IAuditable, IStamped
{
    private readonly List<SaleProduct> _products = [];

    private Sale()
    {
    }

    public Sale(Guid clientId, Guid operationId, Guid customerId, SaleKind kind, DateTimeOffset soldAt, string currency, SaleOrigin origin)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        CustomerId = customerId;
        Kind = kind;
        Line = SaleKinds.LineOf(kind);
        SoldAt = soldAt;
        Currency = currency;
        Origin = origin;
        State = SaleState.Registered;
        StateChangedAt = soldAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>
    /// The back-office operation (e.g. the sales cell) that works this sale, taken at registration from the front
    /// operation's <c>SalesBackOfficeOperationId</c>; null when the front operation works its own sales.
    /// Members of either operation see the sale (and its products, steps, state changes and attachments).
    /// </summary>
    public Guid? BackOfficeOperationId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The inbound interaction (or outbound attempt) the sale was made in, when any.</summary>
    public Guid? InteractionId { get; set; }

    public SaleOrigin Origin { get; private set; }

    public SaleLine Line { get; private set; }

    public SaleKind Kind { get; private set; }

    public WorkOrder WorkOrder { get; private set; }

    public SaleState State { get; private set; }

    /// <summary>Reason of a Rejected, Cancelled or NotInstalled state.</summary>
    public string? StateReason { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public DateTimeOffset SoldAt { get; private set; }

    /// <summary>The selling agent (user) and their dialer/ACD login, extension and the call id of the sale.</summary>
    public Guid? SellerUserId { get; set; }

    public string? SellerLogin { get; set; }

    public string? CallId { get; set; }

    public string? Extension { get; set; }

    /// <summary>Home-services account (RR) the sale is on, when home.</summary>
    public string? AccountNumber { get; set; }

    /// <summary>Mobile line (new, migrated or ported number), when mobile.</summary>
    public string? LineNumber { get; set; }

    /// <summary>Portability: the operator the line comes from.</summary>
    public string? DonorOperator { get; set; }

    public decimal MonthlyValue { get; private set; }

    public decimal OneOffValue { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>Checklist definition and version the sale started with (kept when the definition changes).</summary>
    public Guid? ChecklistId { get; set; }

    public int? ChecklistVersion { get; set; }

    /// <summary>Back-office user working the sale (claimed or assigned).</summary>
    public Guid? AssignedToUserId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>Next follow-up due (sales about to be installed/delivered).</summary>
    public DateTimeOffset? FollowUpAt { get; set; }

    /// <summary>Marking left on the account (e.g. CTA) and when; recorded only when its checks pass.</summary>
    public string? AccountMarking { get; set; }

    public DateTimeOffset? MarkedAt { get; set; }

    /// <summary>Free notes from the front.</summary>
    public string? Notes { get; set; }

    /// <summary>Optimistic-concurrency token: incremented on every change by <see cref="Touch"/>.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SaleProduct> Products => _products;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    /// <summary>Routes the sale to a back-office operation (or to none); its products follow.</summary>
    public void RouteToBackOffice(Guid? backOfficeOperationId)
    {
        BackOfficeOperationId = backOfficeOperationId == OperationId ? null : backOfficeOperationId;
        foreach (var product in _products)
        {
            product.BackOfficeOperationId = BackOfficeOperationId;
        }
    }

    /// <summary>Adds a product line and recomputes the values and (home) the work order.</summary>
    public SaleProduct AddProduct(string tariffCode, string description, int quantity, decimal monthlyValue, decimal oneOffValue, bool needsTechnicianVisit)
    {
        var product = new SaleProduct(Id, OperationId, tariffCode, description, quantity, monthlyValue, oneOffValue, needsTechnicianVisit)
        {
            BackOfficeOperationId = BackOfficeOperationId,
        };
        _products.Add(product);
        Recompute();
        return product;
    }

    public void ClearProducts()
    {
        _products.Clear();
        Recompute();
    }

    /// <summary>Moves to a state. The workflow (which checks the checklist) is the only caller; it validates first.</summary>
    public void MoveTo(SaleState state, DateTimeOffset at, string? reason = null)
    {
        State = state;
        StateChangedAt = at;
        StateReason = reason;
    }

    /// <summary>Marks the record changed for optimistic concurrency (call once per unit of work).</summary>
    public void Touch() => Version++;

    private void Recompute()
    {
        MonthlyValue = _products.Sum(p => p.MonthlyValue * p.Quantity);
        OneOffValue = _products.Sum(p => p.OneOffValue * p.Quantity);
        WorkOrder = Line != SaleLine.Home
            ? WorkOrder.NotApplicable
            : _products.Any(p => p.NeedsTechnicianVisit) ? WorkOrder.Open : WorkOrder.Closed;
    }
}

/// <summary>A product of a sale: the carrier's tariff code, quantity and values (per unit).</summary>
public sealed class SaleProduct
{
    private SaleProduct()
    {
    }

    internal SaleProduct(Guid saleId, Guid operationId, string tariffCode, string description, int quantity, decimal monthlyValue, decimal oneOffValue, bool needsTechnicianVisit)
    {
        Id = Ids.New();
        SaleId = saleId;
        OperationId = operationId;
        TariffCode = tariffCode.Trim();
        Description = description.Trim();
        Quantity = quantity;
        MonthlyValue = monthlyValue;
        OneOffValue = oneOffValue;
        NeedsTechnicianVisit = needsTechnicianVisit;
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Copy of the sale's back-office operation (for the tenancy filter).</summary>
    public Guid? BackOfficeOperationId { get; internal set; }

    public string TariffCode { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Quantity { get; private set; }

    public decimal MonthlyValue { get; private set; }

    public decimal OneOffValue { get; private set; }

    public bool NeedsTechnicianVisit { get; private set; }
}

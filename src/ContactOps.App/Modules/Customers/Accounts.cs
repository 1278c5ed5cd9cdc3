using ContactOps.Platform;

namespace ContactOps.Modules.Customers;

public enum AccountStatus
{
    Active,
    CancelledOwing,
    Cancelled,
    CancelledCredit,
    WrittenOff,
}

public enum LinePlan
{
    Prepaid,
    Postpaid,
}

public enum LineStatus
{
    Active,
    Suspended,
    Cancelled,
}

public enum PremiseStatus
{
    Available,
    BuildingNotEnabled,
    Occupied,
    NotCreated,
}

/// <summary>Home-services account in the carrier's core system (RR / AS400).</summary>
public sealed class HomeAccount : IAuditable, IStamped
{
    private HomeAccount()
    {
    }

    public HomeAccount(Guid clientId, Guid customerId, string accountNumber, AccountStatus status = AccountStatus.Active, Guid? premiseId = null)
    {
        Id = Ids.New();
        ClientId = clientId;
        CustomerId = customerId;
        AccountNumber = accountNumber.Trim();
        Status = status;
        PremiseId = premiseId;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string AccountNumber { get; private set; } = "";

    public AccountStatus Status { get; private set; }

    /// <summary>Mora: overdue debt.</summary>
    public bool InArrears { get; private set; }

    /// <summary>Aviso final.</summary>
    public bool FinalNotice { get; private set; }

    public Guid? PremiseId { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;

    public void SetStanding(AccountStatus status, bool inArrears, bool finalNotice)
    {
        Status = status;
        InArrears = inArrears;
        FinalNotice = finalNotice;
    }
}

/// <summary>Mobile subscription (AC).</summary>
public sealed class MobileLine : IAuditable, IStamped
{
    private MobileLine()
    {
    }

    public MobileLine(Guid clientId, Guid customerId, string e164, LinePlan plan, LineStatus status = LineStatus.Active)
    {
        Id = Ids.New();
        ClientId = clientId;
        CustomerId = customerId;
        Number = e164;
        Plan = plan;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>E.164 number.</summary>
    public string Number { get; private set; } = "";

    public LinePlan Plan { get; private set; }

    public LineStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;

    public void Change(LinePlan plan, LineStatus status)
    {
        Plan = plan;
        Status = status;
    }
}

/// <summary>An address the network passes (HHPP / predio).</summary>
public sealed class Premise : IAuditable, IStamped
{
    private Premise()
    {
    }

    public Premise(Guid clientId, Guid? customerId, string address, string? city, string? buildingAccount, PremiseStatus status)
    {
        Id = Ids.New();
        ClientId = clientId;
        CustomerId = customerId;
        Address = address.Trim();
        City = city?.Trim();
        BuildingAccount = string.IsNullOrWhiteSpace(buildingAccount) ? null : buildingAccount.Trim();
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public string Address { get; private set; } = "";

    public string? City { get; private set; }

    /// <summary>Cuenta matriz of the building or condominium.</summary>
    public string? BuildingAccount { get; private set; }

    public PremiseStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;

    public void SetStatus(PremiseStatus status) => Status = status;
}

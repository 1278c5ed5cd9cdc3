using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

public enum StepResult
{
    Ok,
    Failed,
}

/// <summary>A checklist step done on a sale: who, when, the result and its evidence or reference.</summary>
public sealed class SaleStep : IAuditable, IStamped
{
    private SaleStep()
    {
    }

    internal SaleStep(Sale sale, ChecklistItem item, int sequence, StepResult result, string? evidence, Guid? userId, string userName, DateTimeOffset at)
    {
        Id = Ids.New();
        SaleId = sale.Id;
        ClientId = sale.ClientId;
        OperationId = sale.OperationId;
        BackOfficeOperationId = sale.BackOfficeOperationId;
        Sequence = sequence;
        StepCode = item.Code;
        StepName = item.Name;
        StepOrder = item.Order;
        Result = result;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        UserId = userId;
        UserName = userName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Copy of the sale's back-office operation (for the tenancy filter).</summary>
    public Guid? BackOfficeOperationId { get; private set; }

    /// <summary>1, 2, … per sale: orders records made in the same instant.</summary>
    public int Sequence { get; private set; }

    public string StepCode { get; private set; } = "";

    public string StepName { get; private set; } = "";

    public int StepOrder { get; private set; }

    public StepResult Result { get; private set; }

    public string? Evidence { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>One move of a sale's state machine: from, to, who, when and the reason.</summary>
public sealed class SaleStateChange : IAuditable, IStamped
{
    private SaleStateChange()
    {
    }

    internal SaleStateChange(Sale sale, SaleState from, SaleState to, string? reason, Guid? userId, string userName, DateTimeOffset at)
    {
        Id = Ids.New();
        SaleId = sale.Id;
        ClientId = sale.ClientId;
        OperationId = sale.OperationId;
        BackOfficeOperationId = sale.BackOfficeOperationId;
        From = from;
        To = to;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        UserId = userId;
        UserName = userName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Copy of the sale's back-office operation (for the tenancy filter).</summary>
    public Guid? BackOfficeOperationId { get; private set; }

    public SaleState From { get; private set; }

    public SaleState To { get; private set; }

    public string? Reason { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>Result of the credit quota and conditions check.</summary>
public enum CreditResult
{
    Approved,
    Denied,
}

/// <summary>Normalised delivery state of a reserved device (the carrier's own words are kept beside it).</summary>
public enum DeliveryState
{
    Pending,
    InTransit,
    Delivered,
    Returned,
    Failed,
}

/// <summary>Where a delivery state came from.</summary>
public enum DeliverySource
{
    Import,
    Manual,
}

/// <summary>
/// The device back office of one DeviceOnCredit sale (PROCEDURES §3, steps 8–12): the recorded confirmation call (device
/// and delivery address confirmed or corrected — the original address is kept), the credit quota and conditions check,
/// the reservation and the current delivery state. One row per sale; the delivery history is in <see cref="DeliveryEvent"/>.
/// The order is guarded here: no credit check before a confirmed call, no reservation before an approved credit check.
/// </summary>
public sealed class DeviceFulfilment : IAuditable, IStamped
{
    private DeviceFulfilment()
    {
    }

    public DeviceFulfilment(Sale sale, string? customerDocument)
    {
        ArgumentNullException.ThrowIfNull(sale);
        Id = Ids.New();
        SaleId = sale.Id;
        ClientId = sale.ClientId;
        OperationId = sale.OperationId;
        BackOfficeOperationId = sale.BackOfficeOperationId;
        WorkOperationId = sale.BackOfficeOperationId ?? sale.OperationId;
        CustomerDocument = customerDocument;
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>Copy of the sale's back-office operation (for the tenancy filter).</summary>
    public Guid? BackOfficeOperationId { get; private set; }

    /// <summary>The operation that works the sale (its back office when routed): reservation numbers are unique in it.</summary>
    public Guid WorkOperationId { get; private set; }

    /// <summary>The customer's document number (normalised), to match the carrier's delivery report when it has no reservation number.</summary>
    public string? CustomerDocument { get; private set; }

    // Confirmation call
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public Guid? ConfirmedByUserId { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public bool DeviceConfirmed { get; private set; }

    public bool AddressConfirmed { get; private set; }

    /// <summary>The device as confirmed with the customer.</summary>
    public string? ConfirmedDevice { get; private set; }

    /// <summary>The delivery address the sale had before the call.</summary>
    public string? OriginalAddress { get; private set; }

    /// <summary>The address the customer gave on the call, when they corrected it.</summary>
    public string? CorrectedAddress { get; private set; }

    /// <summary>Reference of the recorded call (call id or recording name).</summary>
    public string? ConfirmationRecording { get; private set; }

    public string? ConfirmationNotes { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null && DeviceConfirmed;

    /// <summary>The address to deliver to: the corrected one when there is one.</summary>
    public string? ConfirmedAddress => CorrectedAddress ?? OriginalAddress;

    // Credit quota and conditions
    public DateTimeOffset? CreditCheckedAt { get; private set; }

    public Guid? CreditCheckedByUserId { get; private set; }

    public string? CreditCheckedBy { get; private set; }

    public CreditResult? CreditResult { get; private set; }

    public decimal? ApprovedQuota { get; private set; }

    public string? Currency { get; private set; }

    public string? CreditConditions { get; private set; }

    public string? CreditRecording { get; private set; }

    // Reservation
    public string? ReservationNumber { get; private set; }

    public DateTimeOffset? ReservedAt { get; private set; }

    public Guid? ReservedByUserId { get; private set; }

    public string? ReservedBy { get; private set; }

    public string? Material { get; private set; }

    public string? DeliveryAddress { get; private set; }

    public string? ReceiverName { get; private set; }

    public string? ReceiverDocumentType { get; private set; }

    public string? ReceiverDocument { get; private set; }

    /// <summary>Contact phones for the delivery, E.164, comma-separated.</summary>
    public string? Phones { get; private set; }

    public string? StockReference { get; private set; }

    // Delivery
    public DeliveryState? DeliveryState { get; private set; }

    public string? CarrierState { get; private set; }

    public string? Guide { get; private set; }

    /// <summary>Last news of the delivery (reservation or latest state): the "sin novedad" clock starts here.</summary>
    public DateTimeOffset? LastNewsAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void RecordConfirmation(
        bool deviceConfirmed, string? device, string? originalAddress, bool addressConfirmed, string? correctedAddress, string? recording, string? notes,
        Guid? userId, string userName, DateTimeOffset at)
    {
        ConfirmedAt = at;
        ConfirmedByUserId = userId;
        ConfirmedBy = userName;
        DeviceConfirmed = deviceConfirmed;
        ConfirmedDevice = device;
        OriginalAddress = originalAddress;
        AddressConfirmed = addressConfirmed;
        CorrectedAddress = addressConfirmed ? null : correctedAddress;
        ConfirmationRecording = recording;
        ConfirmationNotes = notes;
    }

    public void RecordCredit(CreditResult result, decimal? quota, string currency, string? conditions, string? recording, Guid? userId, string userName, DateTimeOffset at)
    {
        CreditResult = result;
        ApprovedQuota = result == Sales.CreditResult.Approved ? quota : null;
        Currency = currency;
        CreditConditions = conditions;
        CreditRecording = recording;
        CreditCheckedAt = at;
        CreditCheckedByUserId = userId;
        CreditCheckedBy = userName;
    }

    public void Reserve(
        string reservationNumber, string material, string deliveryAddress, string receiverName, string receiverDocumentType, string receiverDocument,
        string phones, string stockReference, Guid? userId, string userName, DateTimeOffset at)
    {
        ReservationNumber = reservationNumber;
        Material = material;
        DeliveryAddress = deliveryAddress;
        ReceiverName = receiverName;
        ReceiverDocumentType = receiverDocumentType;
        ReceiverDocument = receiverDocument;
        Phones = phones;
        StockReference = stockReference;
        ReservedAt = at;
        ReservedByUserId = userId;
        ReservedBy = userName;
        DeliveryState = Sales.DeliveryState.Pending;
        LastNewsAt = at;
    }

    /// <summary>
    /// Applies a delivery state. <paramref name="isLatest"/>: no recorded state is newer, so this one becomes the current
    /// state (an older state arriving late only joins the history). The "sin novedad" clock moves to the newest news.
    /// </summary>
    public void ApplyDelivery(DeliveryState state, string carrierState, string? guide, DateTimeOffset at, bool isLatest)
    {
        if (isLatest)
        {
            DeliveryState = state;
            CarrierState = carrierState;
            Guide = guide ?? Guide;
        }

        if (LastNewsAt is null || at > LastNewsAt)
        {
            LastNewsAt = at;
        }

        if (state == Sales.DeliveryState.Delivered)
        {
            DeliveredAt ??= at;
        }
    }
}

/// <summary>One state of a device's delivery: the carrier's words, the normalised state, when, and where it came from.</summary>
public sealed class DeliveryEvent : IAuditable, IStamped
{
    private DeliveryEvent()
    {
    }

    public DeliveryEvent(DeviceFulfilment fulfilment, DeliveryState state, string carrierState, DateTimeOffset at, DeliverySource source, Guid? batchId, string? guide, string? note, string userName)
    {
        ArgumentNullException.ThrowIfNull(fulfilment);
        Id = Ids.New();
        SaleId = fulfilment.SaleId;
        FulfilmentId = fulfilment.Id;
        ClientId = fulfilment.ClientId;
        OperationId = fulfilment.OperationId;
        BackOfficeOperationId = fulfilment.BackOfficeOperationId;
        State = state;
        CarrierState = carrierState;
        At = at;
        Source = source;
        BatchId = batchId;
        Guide = guide;
        Note = note;
        UserName = userName;
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid FulfilmentId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid? BackOfficeOperationId { get; private set; }

    public DeliveryState State { get; private set; }

    /// <summary>The state in the carrier's words (as in the report).</summary>
    public string CarrierState { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public DeliverySource Source { get; private set; }

    /// <summary>The import batch (delivery report) it came in, when imported.</summary>
    public Guid? BatchId { get; private set; }

    public string? Guide { get; private set; }

    public string? Note { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>Device back-office settings of an operation: after how many days without news a reserved device is flagged.</summary>
public sealed class DeviceBackOfficeSettings : IAuditable, IStamped
{
    public const int DefaultStaleAfterDays = 3;

    private DeviceBackOfficeSettings()
    {
    }

    public DeviceBackOfficeSettings(Guid clientId, Guid operationId, int staleAfterDays)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        StaleAfterDays = staleAfterDays;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public int StaleAfterDays { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

using ContactOps.Platform;

namespace ContactOps.Modules.Sales;

/// <summary>Where a row of a reconciliation landed.</summary>
public enum ReconciliationCategory
{
    /// <summary>Same key on both sides, same values (persisted only when the key is duplicated on a side).</summary>
    Matched,

    /// <summary>Our sale has no counterpart in the carrier's sheet: a claim candidate.</summary>
    MissingAtCarrier,

    /// <summary>A row of the carrier's sheet with no sale of ours.</summary>
    CarrierOnly,

    /// <summary>Same key, but a value or the status differs (see <see cref="ReconciliationItem.Differences"/>).</summary>
    Mismatched,
}

/// <summary>
/// One run of the reconciliation of an operation's sales against the carrier's sales sheet ("corte"): the file, who
/// ran it and when, and the counts. Its rows are <see cref="ReconciliationItem"/>s (every row that is not a plain
/// match); claims to the carrier are raised from the missing ones (<see cref="SaleClaim"/>).
/// </summary>
public sealed class ReconciliationCut : IAuditable, IStamped
{
    private ReconciliationCut()
    {
    }

    public ReconciliationCut(Guid clientId, Guid operationId, DateOnly cutDate, string fileName, string fileSha256, string keyFields, string userName, DateTimeOffset startedAt)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        CutDate = cutDate;
        FileName = fileName;
        FileSha256 = fileSha256;
        KeyFields = keyFields;
        UserName = userName;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The day of the cut in the client's time zone.</summary>
    public DateOnly CutDate { get; private set; }

    public string FileName { get; private set; } = "";

    public string FileSha256 { get; private set; } = "";

    /// <summary>The key used, e.g. <c>cuenta_o_linea+producto+fecha_venta</c>.</summary>
    public string KeyFields { get; private set; } = "";

    /// <summary>First and last sale date (local) of the carrier's sheet: our sales of those days were compared.</summary>
    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly? PeriodTo { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset FinishedAt { get; private set; }

    public long Ours { get; private set; }

    public long Carrier { get; private set; }

    public long Matched { get; private set; }

    public long MissingAtCarrier { get; private set; }

    public long CarrierOnly { get; private set; }

    public long Mismatched { get; private set; }

    /// <summary>Our rows whose key is repeated among our sales.</summary>
    public long DuplicateOurs { get; private set; }

    /// <summary>Carrier rows whose key is repeated in the carrier's sheet.</summary>
    public long DuplicateCarrier { get; private set; }

    /// <summary>Claims raised from this cut's missing rows (the seed's KPI: missing / claimed per cut).</summary>
    public long Claimed { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Finish(ReconciliationCounts counts, DateOnly? periodFrom, DateOnly? periodTo, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Ours = counts.Ours;
        Carrier = counts.Carrier;
        Matched = counts.Matched;
        MissingAtCarrier = counts.MissingAtCarrier;
        CarrierOnly = counts.CarrierOnly;
        Mismatched = counts.Mismatched;
        DuplicateOurs = counts.DuplicateOurs;
        DuplicateCarrier = counts.DuplicateCarrier;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        FinishedAt = at;
    }

    public void AddClaims(int count) => Claimed += count;
}

/// <summary>The counts of a reconciliation: ours = matched + mismatched + missing; carrier = matched + mismatched + carrier only.</summary>
public sealed record ReconciliationCounts(long Ours, long Carrier, long Matched, long MissingAtCarrier, long CarrierOnly, long Mismatched, long DuplicateOurs, long DuplicateCarrier);

/// <summary>
/// One result row of a cut: a sale of ours missing at the carrier, a carrier row we do not have, a pair that
/// differs (with the differing fields), or a row whose key is duplicated on a side (<see cref="DuplicateKey"/>).
/// Written in bulk; read-only afterwards.
/// </summary>
public sealed class ReconciliationItem
{
    private ReconciliationItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid CutId { get; private set; }

    public Guid OperationId { get; private set; }

    public ReconciliationCategory Category { get; private set; }

    /// <summary>The normalised key (e.g. <c>8001234567|TV-HD-01|20261102</c>).</summary>
    public string Key { get; private set; } = "";

    public Guid? SaleId { get; private set; }

    /// <summary>The row's line in the carrier's file.</summary>
    public long? CarrierLine { get; private set; }

    /// <summary>True when the key appears more than once on our side or in the carrier's sheet (reported, never collapsed).</summary>
    public bool DuplicateKey { get; private set; }

    /// <summary>Mismatched: the differing fields, e.g. <c>valor_mensual: 59900 ≠ 49900; estado: Installed ≠ Cancelled</c>.</summary>
    public string? Differences { get; private set; }
}

public enum ClaimState
{
    Open,
    Sent,
    Answered,
}

public enum ClaimOutcome
{
    Accepted,
    Rejected,
}

/// <summary>
/// A claim to the carrier for a sale of ours missing from its sheet, tracked to an answer:
/// Open → Sent → Answered (Accepted | Rejected, with the carrier's answer text).
/// </summary>
public sealed class SaleClaim : IAuditable, IStamped
{
    private SaleClaim()
    {
    }

    public SaleClaim(Guid clientId, Guid operationId, Guid cutId, Guid itemId, Guid saleId, string key, string openedBy)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        CutId = cutId;
        ItemId = itemId;
        SaleId = saleId;
        Key = key;
        OpenedBy = openedBy;
        State = ClaimState.Open;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid CutId { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid SaleId { get; private set; }

    public string Key { get; private set; } = "";

    public ClaimState State { get; private set; }

    public ClaimOutcome? Outcome { get; private set; }

    public string OpenedBy { get; private set; } = "";

    /// <summary>The carrier's ticket or the mail reference the claim was sent with.</summary>
    public string? SentReference { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? AnswerText { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    /// <summary>Open → Sent. Answers false when the claim is not open.</summary>
    public bool MarkSent(string? reference, DateTimeOffset at)
    {
        if (State != ClaimState.Open)
        {
            return false;
        }

        State = ClaimState.Sent;
        SentReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        SentAt = at;
        return true;
    }

    /// <summary>Sent → Answered with the outcome and the carrier's answer. Answers false when the claim was not sent.</summary>
    public bool Answer(ClaimOutcome outcome, string answerText, DateTimeOffset at)
    {
        if (State != ClaimState.Sent)
        {
            return false;
        }

        State = ClaimState.Answered;
        Outcome = outcome;
        AnswerText = answerText.Trim();
        AnsweredAt = at;
        return true;
    }
}

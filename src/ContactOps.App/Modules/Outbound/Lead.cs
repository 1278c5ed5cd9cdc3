using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

public enum LeadBaseStatus
{
    Open,
    Closed,
}

/// <summary>The kind of a carrier column kept on the leads of a base (segment fields such as plan, quota, device, city).</summary>
public enum LeadAttributeKind
{
    Text,
    Number,
    Date,
}

/// <summary>
/// A base of leads received from the carrier (one upload). The received file is kept encrypted at rest
/// (<see cref="StoredFileKey"/>); reading it back is audited.
/// </summary>
public sealed class LeadBase : IAuditable, IStamped
{
    private LeadBase()
    {
    }

    public LeadBase(Guid clientId, Guid operationId, string name, string fileName, DateTimeOffset receivedAt, Guid? receivedByUserId)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Name = name;
        FileName = fileName;
        ReceivedAt = receivedAt.ToUniversalTime();
        ReceivedByUserId = receivedByUserId;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string Name { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>Key of the encrypted copy of the received file in the file storage.</summary>
    public string? StoredFileKey { get; set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid? ReceivedByUserId { get; private set; }

    public LeadBaseStatus Status { get; set; } = LeadBaseStatus.Open;

    /// <summary>Carrier columns kept on the leads: name → kind, as JSON (e.g. {"plan":"Text","cupo":"Number"}).</summary>
    public string AttributeSchemaJson { get; set; } = "{}";

    public int Rows { get; set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int Duplicates { get; set; }

    public int Excluded { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>
/// One customer record of a base to be called: document, names, phones and the carrier's columns. Dialing state
/// (attempts, recycle, final disposition) lives here so the hopper and the diagnosis read one row per lead.
/// </summary>
public sealed class Lead
{
    private Lead()
    {
    }

    public Lead(Guid clientId, Guid operationId, Guid baseId, string documentType, string document, string fullName, int sourceLine)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        BaseId = baseId;
        DocumentType = documentType;
        Document = document;
        FullName = fullName;
        SourceLine = sourceLine;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid BaseId { get; private set; }

    /// <summary>CC, CE, NIT, PA… (normalised like the customers' documents).</summary>
    public string DocumentType { get; private set; } = "";

    /// <summary>Normalised document number (digits, or letters+digits for passports).</summary>
    public string Document { get; private set; } = "";

    public string FullName { get; private set; } = "";

    /// <summary>Line of the received file the lead came from (first occurrence).</summary>
    public int SourceLine { get; private set; }

    /// <summary>The carrier's columns as JSON object name → canonical value (numbers invariant, dates yyyy-MM-dd).</summary>
    public string AttributesJson { get; set; } = "{}";

    /// <summary>IANA zone of the lead's local time (null: the client's zone).</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>True when none of the lead's phones may be called (DNC or exclusion registry at import); never dialled.</summary>
    public bool IsExcluded { get; set; }

    /// <summary>Segment the lead belongs to after the last segmentation (null: none).</summary>
    public Guid? SegmentId { get; set; }

    public int Attempts { get; set; }

    /// <summary>Attempts on <see cref="AttemptsDay"/> (the client's local date), for the per-day limit.</summary>
    public int AttemptsToday { get; set; }

    public DateOnly? AttemptsDay { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Last contact with the person (a person answered and the disposition is a contact).</summary>
    public DateTimeOffset? LastContactAt { get; set; }

    /// <summary>When the lead was first attempted (base coverage: leads worked by a date).</summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }

    /// <summary>Not before this instant (recycle delay of the last disposition).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastDispositionCode { get; set; }

    /// <summary>A final disposition was recorded (sale, not interested, wrong number, DNC…): never dialled again.</summary>
    public bool IsFinal { get; set; }

    /// <summary>Reserved by the hopper until this instant (taken, being dialled).</summary>
    public DateTimeOffset? ReservedUntil { get; set; }

    public List<LeadPhone> Phones { get; private set; } = [];
}

/// <summary>A phone of a lead, normalised to E.164.</summary>
public sealed class LeadPhone
{
    private LeadPhone()
    {
    }

    public LeadPhone(Guid clientId, Guid operationId, Guid leadId, string e164, int position)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        LeadId = leadId;
        E164 = e164;
        Position = position;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid LeadId { get; private set; }

    public string E164 { get; private set; } = "";

    public int Position { get; private set; }

    /// <summary>Marked unusable by a disposition (wrong number) — skipped by the hopper.</summary>
    public bool IsUnusable { get; set; }

    /// <summary>Why this phone may not be called at import: dnc / excluded_registry (null: callable).</summary>
    public string? ExclusionReason { get; set; }
}

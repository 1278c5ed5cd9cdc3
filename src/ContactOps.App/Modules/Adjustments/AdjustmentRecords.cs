using ContactOps.Platform;

namespace ContactOps.Modules.Adjustments;

/// <summary>One imported adjustments base (one file, one cut-off): who loaded it and the summary it answered.</summary>
public sealed class AdjustmentCut
{
    private AdjustmentCut()
    {
    }

    public AdjustmentCut(Guid clientId, Guid operationId, DateOnly cutoff, string fileName, DateTimeOffset importedAt, string importedBy)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Cutoff = cutoff;
        FileName = fileName;
        ImportedAt = importedAt;
        ImportedBy = importedBy;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public DateOnly Cutoff { get; private set; }

    public string FileName { get; private set; } = "";

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; } = "";

    public int Rows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }
}

/// <summary>What one cut said about one adjustment (history by cut). Unique per (adjustment, cut-off): re-loading the same cut overwrites it.</summary>
public sealed class AdjustmentCutRecord
{
    private AdjustmentCutRecord()
    {
    }

    public AdjustmentCutRecord(Adjustment adjustment, Guid cutId, int line, AdjustmentCutValues v)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(v);
        Id = Ids.New();
        AdjustmentId = adjustment.Id;
        ClientId = adjustment.ClientId;
        OperationId = adjustment.OperationId;
        Set(cutId, line, v);
    }

    public Guid Id { get; private set; }

    public Guid AdjustmentId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid CutId { get; private set; }

    public DateOnly Cutoff { get; private set; }

    /// <summary>Line in the file (header = line 1).</summary>
    public int Line { get; private set; }

    public string? CarrierStatus { get; private set; }

    public string CauseLetter { get; private set; } = "";

    public CarrierApproval Approval { get; private set; }

    public decimal? Amount { get; private set; }

    public string? FilingNumber { get; private set; }

    public string AgentLogin { get; private set; } = "";

    public string? RejectionReason { get; private set; }

    public void Set(Guid cutId, int line, AdjustmentCutValues v)
    {
        ArgumentNullException.ThrowIfNull(v);
        CutId = cutId;
        Cutoff = v.Cutoff;
        Line = line;
        CarrierStatus = v.CarrierStatus;
        CauseLetter = v.CauseLetter;
        Approval = v.Approval;
        Amount = v.Amount;
        FilingNumber = v.FilingNumber;
        AgentLogin = v.AgentLogin;
        RejectionReason = v.RejectionReason;
    }
}

/// <summary>The actions of the cell's procedure, each recorded as an <see cref="AdjustmentStep"/>.</summary>
public enum AdjustmentAction
{
    Imported,
    Verified,
    EscalatedToPqr,
    RejectionConfirmed,
    RejectionContested,
    CustomerInformed,
    VoiceMessageLeft,
    CustomerAccepted,
    AppealFiled,
    PqrAnswered,
    Assigned,
    Closed,
    Note,
}

/// <summary>One step of an adjustment's procedure: who, when, what (the audit trail the cell shows; append-only).</summary>
public sealed class AdjustmentStep
{
    private AdjustmentStep()
    {
    }

    public AdjustmentStep(Adjustment adjustment, AdjustmentAction action, AdjustmentState from, AdjustmentState to, DateTimeOffset at, Guid? userId, string userName, string? note, string? dataJson = null)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        Id = Ids.New();
        AdjustmentId = adjustment.Id;
        ClientId = adjustment.ClientId;
        OperationId = adjustment.OperationId;
        Action = action;
        FromState = from;
        ToState = to;
        At = at;
        UserId = userId;
        UserName = userName;
        Note = note;
        DataJson = dataJson;
    }

    public Guid Id { get; private set; }

    public Guid AdjustmentId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public AdjustmentAction Action { get; private set; }

    public AdjustmentState FromState { get; private set; }

    public AdjustmentState ToState { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>The step's specifics as JSON (evidence checked, outcome, amount, filing number, appeal kinds, voice message…).</summary>
    public string? DataJson { get; private set; }
}

/// <summary>
/// The weekly coaching of one front agent (top 5 by rejections of an ISO week): the supervisor's improvement commitment
/// and the agent's "estoy enterado" acknowledgement, signed in the app with a time stamp.
/// </summary>
public sealed class CoachingRecord : IAuditable, IStamped
{
    private CoachingRecord()
    {
    }

    public CoachingRecord(Guid clientId, Guid operationId, string agentLogin, string isoWeek)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        AgentLogin = agentLogin.Trim().ToLowerInvariant();
        IsoWeek = isoWeek;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The front agent's login as the carrier's base writes it (lower case).</summary>
    public string AgentLogin { get; private set; } = "";

    /// <summary>ISO week "yyyy-Www" the coaching is about.</summary>
    public string IsoWeek { get; private set; } = "";

    /// <summary>Rejections and records of the agent in that week when the commitment was written (the baseline).</summary>
    public int Rejected { get; set; }

    public int Total { get; set; }

    public string? Commitment { get; set; }

    public Guid? SupervisorUserId { get; set; }

    public string? SupervisorName { get; set; }

    public DateTimeOffset? CommittedAt { get; set; }

    public Guid? AcknowledgedByUserId { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The cell's settings per operation (row absent → defaults). Regulatory day counts are the CO regulator's.</summary>
public sealed class AdjustmentSettings : IAuditable, IStamped
{
    public const string DefaultPqrDestination = "CASOSPQR-PQRRES";

    private AdjustmentSettings()
    {
    }

    public AdjustmentSettings(Guid clientId, Guid operationId)
    {
        ClientId = clientId;
        OperationId = operationId;
    }

    public Guid OperationId { get; private set; }

    public Guid ClientId { get; private set; }

    /// <summary>The PQR area's user/queue cases are escalated to.</summary>
    public string PqrDestination { get; set; } = DefaultPqrDestination;

    /// <summary>Business days the PQR area has to answer (regulator: 15).</summary>
    public int PqrAnswerBusinessDays { get; set; } = 15;

    /// <summary>Business days after filing when the case is flagged (10).</summary>
    public int PqrFlagBusinessDays { get; set; } = 10;

    /// <summary>Business days after the answer is notified in which the customer may appeal (10).</summary>
    public int AppealBusinessDays { get; set; } = 10;

    /// <summary>Hours between attempts to reach an unreachable customer.</summary>
    public int RetryHours { get; set; } = 24;

    /// <summary>Attempts to reach the customer before the case is left with the voice message only.</summary>
    public int MaxContactAttempts { get; set; } = 3;

    Guid IAuditable.Id => OperationId;

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

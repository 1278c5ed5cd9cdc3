using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>What telephony says about an attempt, independent of the disposition.</summary>
public enum CallResult
{
    /// <summary>Still ringing / not finished.</summary>
    Pending,

    /// <summary>A person answered.</summary>
    Answered,

    /// <summary>An answering machine answered (voice mail).</summary>
    Machine,

    NoAnswer,
    Busy,
    Failed,
}

/// <summary>Where an attempt was placed.</summary>
public enum AttemptSource
{
    /// <summary>Placed by the ContactOps dialer (any mode) or dialled by the agent from the desk (preview).</summary>
    ContactOps,

    /// <summary>Loaded from another dialer's call log.</summary>
    Imported,
}

/// <summary>
/// One dialling attempt of a lead's phone, from dial to disposition. The KPIs (attempts, answered, contacts, sales)
/// and the contact policy (contacts per day, attempts, recycle) count these rows.
/// </summary>
public sealed class CallAttempt
{
    private CallAttempt()
    {
    }

    public CallAttempt(Guid clientId, Guid operationId, Guid? leadId, string phoneE164, DialMode mode, DateTimeOffset startedAt, AttemptSource source)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        LeadId = leadId;
        PhoneE164 = phoneE164;
        Mode = mode;
        StartedAt = startedAt.ToUniversalTime();
        Source = source;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid? LeadId { get; private set; }

    public string PhoneE164 { get; private set; } = "";

    public DialMode Mode { get; private set; }

    public AttemptSource Source { get; private set; }

    /// <summary>The channel of the contact (the policy allows one channel per person per week); "voice" for calls.</summary>
    public string Channel { get; set; } = "voice";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the call was bridged to the agent (null: never reached an agent).</summary>
    public DateTimeOffset? ConnectedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public CallResult Result { get; set; } = CallResult.Pending;

    /// <summary>Answered by a person and no agent was free within 2 seconds (the recorded message was played).</summary>
    public bool Abandoned { get; set; }

    public Guid? AgentUserId { get; set; }

    public string? AgentLogin { get; set; }

    public int TalkSeconds { get; set; }

    public int WrapSeconds { get; set; }

    public Guid? DispositionId { get; set; }

    public string? DispositionCode { get; set; }

    public DateTimeOffset? DispositionAt { get; set; }

    /// <summary>The disposition was applied automatically when the wrap-up time limit ran out.</summary>
    public bool DispositionDefaulted { get; set; }

    /// <summary>Sale opened from this attempt (a Sales record id).</summary>
    public Guid? SaleId { get; set; }

    /// <summary>The external dialer's call id, or the engine's call id.</summary>
    public string? CallId { get; set; }

    public string? Notes { get; set; }
}

public enum CallbackStatus
{
    Pending,
    Done,
    Cancelled,
}

/// <summary>A call back promised to a lead: for one agent or for anyone; it comes back when due, within the contact policy.</summary>
public sealed class Callback : IAuditable, IStamped
{
    private Callback()
    {
    }

    public Callback(Guid clientId, Guid operationId, Guid leadId, DateTimeOffset dueAt, Guid? assignedUserId, Guid? createdByUserId, string? note)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        LeadId = leadId;
        DueAt = dueAt.ToUniversalTime();
        AssignedUserId = assignedUserId;
        CreatedByUserId = createdByUserId;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid LeadId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The agent it is for (null: anyone in the campaign).</summary>
    public Guid? AssignedUserId { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public string? Note { get; private set; }

    public CallbackStatus Status { get; set; } = CallbackStatus.Pending;

    public Guid? AttemptId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

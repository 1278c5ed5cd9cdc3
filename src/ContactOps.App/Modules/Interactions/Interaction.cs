using ContactOps.Platform;

namespace ContactOps.Modules.Interactions;

/// <summary>How the customer reached the contact center.</summary>
public enum InteractionChannel
{
    Voice,
    WhatsApp,
    WebChat,
    Email,
}

/// <summary>Outcome of the premise / account check (PROCEDURES §1.2). Null on the interaction = not checked.</summary>
public enum PremiseCheck
{
    /// <summary>Nothing prevents the sale.</summary>
    Clear,

    /// <summary>Matriz no disponible: the building is not enabled for installation.</summary>
    BuildingNotEnabled,

    /// <summary>HHPP ocupado: the premise already has a service.</summary>
    Occupied,

    /// <summary>HHPP no creado: the premise does not exist (utility bill → creation study).</summary>
    NotCreated,

    /// <summary>Cancelado debe: disconnected for arrears.</summary>
    CancelledOwing,

    /// <summary>Cancelado: the contract ended.</summary>
    Cancelled,

    /// <summary>Cancelado crédito: paid but not reconnected.</summary>
    CancelledCredit,

    /// <summary>Cartera castigada: debt reported to credit bureaus, not recoverable.</summary>
    WrittenOff,
}

/// <summary>How a closed interaction ended.</summary>
public enum InteractionResolution
{
    SolvedFirstContact,
    Escalated,

    /// <summary>Left open and closed by the abandonment rule (never chosen by an agent); counts as not solved.</summary>
    Abandoned,
}

/// <summary>
/// One inbound contact (call, chat, message) from its opening to its disposition. It is closed only with a
/// disposition of the operation's catalog, either solved in first contact or escalated.
/// </summary>
public sealed class Interaction : IAuditable, IStamped
{
    private Interaction()
    {
    }

    public Interaction(Guid clientId, Guid operationId, InteractionChannel channel, string? callId, string? extension, string? agentLogin,
        Guid? agentUserId, DateTimeOffset openedAt)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        Channel = channel;
        CallId = callId;
        Extension = extension;
        AgentLogin = agentLogin;
        AgentUserId = agentUserId;
        OpenedAt = openedAt.ToUniversalTime();
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    /// <summary>The customer once identified (a Customers record id; no navigation across modules).</summary>
    public Guid? CustomerId { get; private set; }

    public InteractionChannel Channel { get; private set; }

    public string? CallId { get; private set; }

    public string? Extension { get; private set; }

    public string? AgentLogin { get; private set; }

    public Guid? AgentUserId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>What the customer asked for, in the agent's words.</summary>
    public string? Request { get; private set; }

    /// <summary>The typology used for FCR (a request typology code, or the disposition code when none was given).</summary>
    public string? Typology { get; private set; }

    public PremiseCheck? PremiseCheck { get; private set; }

    public Guid? DispositionId { get; private set; }

    public string? DispositionCode { get; private set; }

    public InteractionResolution? Resolution { get; private set; }

    /// <summary>True when closed in first contact; set to false when a later interaction re-opens the same typology.</summary>
    public bool? SolvedInFirstContact { get; private set; }

    public string? NotSolvedReason { get; private set; }

    /// <summary>The later interaction that showed this one was not solved.</summary>
    public Guid? ReopenedByInteractionId { get; private set; }

    /// <summary>Concurrency token: changes on every write, so two agents cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsClosed => ClosedAt is not null;

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public void Identify(Guid customerId)
    {
        CustomerId = customerId;
        Touch();
    }

    public void RecordRequest(string? request, string? typology)
    {
        Request = string.IsNullOrWhiteSpace(request) ? Request : request.Trim();
        Typology = string.IsNullOrWhiteSpace(typology) ? Typology : typology.Trim().ToUpperInvariant();
        Touch();
    }

    public void RecordPremiseCheck(PremiseCheck outcome)
    {
        PremiseCheck = outcome;
        Touch();
    }

    /// <summary>Closes the interaction with its disposition. The caller has checked the disposition belongs to the operation.</summary>
    public void Close(Guid dispositionId, string dispositionCode, InteractionResolution resolution, DateTimeOffset at)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("The interaction is already closed.");
        }

        DispositionId = dispositionId;
        DispositionCode = dispositionCode;
        Resolution = resolution;
        Typology ??= dispositionCode;
        SolvedInFirstContact = resolution == InteractionResolution.SolvedFirstContact;
        ClosedAt = at.ToUniversalTime();
        Touch();
    }

    /// <summary>
    /// Closed by the abandonment rule: open with no change for longer than the operation allows (the agent reloaded,
    /// lost the tab or went home). Not solved; the reason says why and since when.
    /// </summary>
    public void Abandon(DateTimeOffset at, string reason)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("The interaction is already closed.");
        }

        Resolution = InteractionResolution.Abandoned;
        SolvedInFirstContact = false;
        NotSolvedReason = reason;
        ClosedAt = at.ToUniversalTime();
        Touch();
    }

    /// <summary>A later interaction of the same customer and typology inside the FCR window: not solved after all.</summary>
    public void MarkNotSolved(Guid laterInteractionId, string reason)
    {
        SolvedInFirstContact = false;
        ReopenedByInteractionId = laterInteractionId;
        NotSolvedReason = reason;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

using ContactOps.Platform;

namespace ContactOps.Modules.Interactions;

public enum EscalationState
{
    Open,
    Answered,
}

/// <summary>
/// A case sent to another area with a promised answer instant (computed on the client's business calendar).
/// Answering it closes it.
/// </summary>
public sealed class Escalation : IAuditable, IStamped
{
    private Escalation()
    {
    }

    public Escalation(Interaction interaction, EscalationType type, DateTimeOffset openedAt, DateTimeOffset dueAt)
    {
        Id = Ids.New();
        ClientId = interaction.ClientId;
        OperationId = interaction.OperationId;
        InteractionId = interaction.Id;
        CustomerId = interaction.CustomerId;
        TypeId = type.Id;
        TypeCode = type.Code;
        TypeName = type.Name;
        DestinationArea = type.DestinationArea;
        TargetBusinessHours = type.TargetBusinessHours;
        OpenedAt = openedAt.ToUniversalTime();
        DueAt = dueAt.ToUniversalTime();
        State = EscalationState.Open;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid InteractionId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid TypeId { get; private set; }

    /// <summary>The type's code, name, area and target as they were when escalated (types can change later).</summary>
    public string TypeCode { get; private set; } = "";

    public string TypeName { get; private set; } = "";

    public string DestinationArea { get; private set; } = "";

    public int TargetBusinessHours { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public EscalationState State { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? Answer { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public string? AnsweredBy { get; private set; }

    public Guid Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;

    public bool AnsweredOnTime => AnsweredAt is { } at && at <= DueAt;

    public void AnswerWith(string answer, Guid? userId, string userName, DateTimeOffset at)
    {
        if (State == EscalationState.Answered)
        {
            throw new InvalidOperationException("The escalation is already answered.");
        }

        Answer = answer.Trim();
        AnsweredByUserId = userId;
        AnsweredBy = userName;
        AnsweredAt = at.ToUniversalTime();
        State = EscalationState.Answered;
        Version = Guid.NewGuid();
    }
}

using ContactOps.Modules.Outbound.Dialer;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>
/// One change of an agent's state on an outbound campaign (joined ready, paused with a reason, back ready, logged out).
/// The log the hour-by-hour report counts "agents logged in" from, and the evidence of pauses and their reasons.
/// </summary>
public sealed class AgentStateChange
{
    private AgentStateChange()
    {
    }

    public AgentStateChange(Guid clientId, Guid operationId, Guid userId, string login, AgentFloorState state, string? reasonCode, DateTimeOffset at)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        UserId = userId;
        Login = login;
        State = state;
        ReasonCode = reasonCode;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid UserId { get; private set; }

    public string Login { get; private set; } = "";

    public AgentFloorState State { get; private set; }

    /// <summary>The pause reason code (campaign's pause reasons) when <see cref="State"/> is Paused.</summary>
    public string? ReasonCode { get; private set; }

    public DateTimeOffset At { get; private set; }
}

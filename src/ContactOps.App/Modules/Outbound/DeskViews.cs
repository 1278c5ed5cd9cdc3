using ContactOps.Modules.Organization.Contracts;
using ContactOps.Modules.Outbound.Dialer;

namespace ContactOps.Modules.Outbound;

/// <summary>A disposition of the operation's catalog with the flags the desk shows.</summary>
public sealed record DispositionOption(string Code, string Name, bool Contact, bool EffectiveContact, bool Sale, bool Final, bool Callback, bool DoNotCall, bool NumberUnusable)
{
    public static DispositionOption From(DispositionTraits t) =>
        new(t.Code, t.Name, t.Contact, t.EffectiveContact, t.Sale, t.Final, t.Callback, t.DoNotCall, t.NumberUnusable);
}

public sealed record LeadPhoneView(string E164, bool IsUnusable, string? ExclusionReason);

/// <summary>A previous attempt of the lead (its history on the desk).</summary>
public sealed record LeadAttemptView(Guid Id, DateTimeOffset StartedAt, string Phone, CallResult Result, string? DispositionCode, bool DispositionDefaulted, string? AgentLogin);

/// <summary>The lead as the desk pops it: identity, carrier fields, phones, history and the script with its fields substituted.</summary>
public sealed record LeadCard(
    Guid LeadId,
    string FullName,
    string DocumentType,
    string Document,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<LeadPhoneView> Phones,
    IReadOnlyList<LeadAttemptView> History,
    IReadOnlyList<DeskScriptStep> Script,
    string? Segment,
    Guid? CallbackId)
{
    /// <summary>The carrier columns with the label the base's mapping gives them, in the base's order.</summary>
    public IReadOnlyList<LeadFieldView> Fields { get; init; } = [];
}

/// <summary>A carrier column of the lead: its key (what segments and scripts use), its label (the base's header) and its value.</summary>
public sealed record LeadFieldView(string Key, string Label, string Value);

/// <summary>The attempt the agent is on (in call or in wrap-up): the disposition is pending.</summary>
public sealed record PendingAttemptView(Guid AttemptId, Guid? LeadId, string Phone, DialMode Mode, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? WrapUpDefaultAt);

public sealed record CallbackView(Guid Id, Guid LeadId, string LeadName, DateTimeOffset DueAt, bool ForMe, string? Note, bool IsDue);

/// <summary>Everything the desk shows for the agent on one campaign.</summary>
public sealed record DeskView(
    string Operation,
    string OperationName,
    string TimeZoneId,
    DialMode Mode,
    bool IsRunning,
    AgentFloorState State,
    string? ReasonCode,
    DateTimeOffset? Since,
    IReadOnlyList<PauseReason> PauseReasons,
    IReadOnlyList<DispositionOption> Dispositions,
    int WrapUpLimitSeconds,
    string? WrapUpDefaultCode,
    PendingAttemptView? Attempt,
    LeadCard? Lead,
    IReadOnlyList<CallbackView> Callbacks)
{
    /// <summary>The dialer's state (dialling, or why not and when it can start): shown to the agent waiting for a call.</summary>
    public DialerState? Dialer { get; init; }
}

/// <summary>An agent on the supervisor's floor.</summary>
public sealed record FloorAgentView(Guid UserId, string Login, string DisplayName, AgentFloorState State, string? ReasonCode, string? ReasonName, DateTimeOffset Since, int SecondsInState, bool OverLimit, string? Phone);

/// <summary>The supervisor's live view of a campaign.</summary>
public sealed record FloorView(string Operation, string OperationName, DialMode Mode, decimal AbandonTarget, FloorSnapshot Snapshot, IReadOnlyList<FloorAgentView> Agents, int PendingCallbacks, int DueCallbacks)
{
    /// <summary>The dialer's state (dialling, or why not and when it can start), for the snapshot of this view.</summary>
    public DialerState? Dialer { get; init; }
}

namespace ContactOps.Modules.Outbound.Dialer;

/// <summary>A lead the hopper hands to the dialer: the policy allowed this phone at the instant it was taken.</summary>
public sealed record DialerLead(Guid LeadId, Guid OperationId, string PhoneE164, string? SegmentName, Guid? CallbackId, Guid? CallbackAgentUserId);

/// <summary>
/// The hopper of an operation: leads in segment priority and mix order (due callbacks first), each one re-checked against
/// the contact policy when taken; a taken lead is reserved (not handed out again) until its attempt is recorded or released.
/// </summary>
public interface IDialerLeadSource
{
    Task<IReadOnlyList<DialerLead>> TakeAsync(Guid operationId, int count, Guid? forAgentUserId, CancellationToken ct);

    /// <summary>Returns a lead not dialled after all (agent paused, engine stopped).</summary>
    Task ReleaseAsync(Guid operationId, Guid leadId, CancellationToken ct);
}

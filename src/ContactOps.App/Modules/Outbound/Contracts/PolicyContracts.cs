namespace ContactOps.Modules.Outbound.Contracts;

/// <summary>Stable reason codes of a contact-policy refusal (CLI, API, logs, diagnosis).</summary>
public static class PolicyReasons
{
    public const string OutsideHours = "outside_hours";
    public const string Sunday = "sunday";
    public const string Holiday = "holiday";
    public const string ExcludedRegistry = "excluded_registry";
    public const string Dnc = "dnc";
    public const string DailyContactLimit = "daily_contact_limit";
    public const string WeeklyChannel = "weekly_channel";
    public const string DailyAttemptLimit = "daily_attempt_limit";
    public const string AttemptLimit = "attempt_limit";
    public const string RecycleDelay = "recycle_delay";
    public const string CallbackScheduled = "callback_scheduled";
    public const string FinalDisposition = "final_disposition";
    public const string NumberUnusable = "number_unusable";
}

public sealed record PolicyDecision(bool Allowed, IReadOnlyList<string> Reasons)
{
    public static readonly PolicyDecision Allow = new(true, []);
}

/// <summary>Where a call would be placed from (the policy applies to every call, automatic or manual).</summary>
public enum CallOrigin
{
    Dialer,
    Manual,
    Check,
}

/// <summary>
/// The contact policy (Ley 2300 de 2023 and CRC rules for Colombia; configurable per operation). Every refusal is
/// logged with its reasons in <see cref="PolicyRefusal"/> unless the origin is <see cref="CallOrigin.Check"/> with logging off.
/// </summary>
public interface IContactPolicy
{
    /// <summary>May this phone (of this lead, when known) be called at this instant by this operation?</summary>
    Task<PolicyDecision> CheckAsync(Guid operationId, string phoneE164, Guid? leadId, DateTimeOffset at, CallOrigin origin, CancellationToken ct);
}

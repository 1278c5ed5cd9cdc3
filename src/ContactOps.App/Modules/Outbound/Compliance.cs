using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform;

namespace ContactOps.Modules.Outbound;

/// <summary>A number of the operation's internal do-not-call list (added by hand or from a DNC disposition).</summary>
public sealed class DncEntry : IAuditable, IStamped
{
    private DncEntry()
    {
    }

    public DncEntry(Guid clientId, Guid operationId, string e164, string source, Guid? addedByUserId, string? reason)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        E164 = e164;
        Source = source;
        AddedByUserId = addedByUserId;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public string E164 { get; private set; } = "";

    /// <summary>manual | disposition | import.</summary>
    public string Source { get; private set; } = "";

    public Guid? AddedByUserId { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => OperationId;
}

/// <summary>
/// One load of a national exclusion registry (Colombia: CRC "Registro de Números Excluidos"). Reference data shared by
/// every client of the country. Only the current snapshot has entries; older snapshots stay as evidence of what was
/// in force and when.
/// </summary>
public sealed class ExclusionSnapshot
{
    private ExclusionSnapshot()
    {
    }

    public ExclusionSnapshot(string country, string fileName, DateTimeOffset loadedAt, DateOnly? registryDate, string fileSha256)
    {
        Id = Ids.New();
        Country = country;
        FileName = fileName;
        LoadedAt = loadedAt.ToUniversalTime();
        RegistryDate = registryDate;
        FileSha256 = fileSha256;
    }

    public Guid Id { get; private set; }

    /// <summary>ISO 3166 alpha-2 (CO, BO).</summary>
    public string Country { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The registry's own date (from the file), when known.</summary>
    public DateOnly? RegistryDate { get; private set; }

    public string FileSha256 { get; private set; } = "";

    public int Numbers { get; set; }

    public bool IsCurrent { get; set; }

    public Guid? LoadedByUserId { get; set; }
}

/// <summary>Channels a registered number refuses (the registry lists channels per number).</summary>
[Flags]
public enum ExclusionChannels
{
    None = 0,
    Calls = 1,
    Sms = 2,
    Email = 4,
    Apps = 8,
    All = Calls | Sms | Email | Apps,
}

/// <summary>A number in an exclusion-registry snapshot.</summary>
public sealed class ExclusionEntry
{
    private ExclusionEntry()
    {
    }

    public ExclusionEntry(Guid snapshotId, string country, string e164, ExclusionChannels channels)
    {
        SnapshotId = snapshotId;
        Country = country;
        E164 = e164;
        Channels = channels;
    }

    public long Id { get; private set; }

    public Guid SnapshotId { get; private set; }

    public string Country { get; private set; } = "";

    public string E164 { get; private set; } = "";

    public ExclusionChannels Channels { get; private set; }
}

/// <summary>A call the contact policy refused, with its reasons (stable codes), for audit and the "why not dialling" answer.</summary>
public sealed class PolicyRefusal
{
    private PolicyRefusal()
    {
    }

    public PolicyRefusal(Guid clientId, Guid operationId, Guid? leadId, string phoneE164, DateTimeOffset at, CallOrigin origin, string reasons, Guid? userId)
    {
        Id = Ids.New();
        ClientId = clientId;
        OperationId = operationId;
        LeadId = leadId;
        PhoneE164 = phoneE164;
        At = at.ToUniversalTime();
        Origin = origin;
        Reasons = reasons;
        UserId = userId;
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid? LeadId { get; private set; }

    public string PhoneE164 { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public CallOrigin Origin { get; private set; }

    /// <summary>Comma-separated reason codes (<see cref="PolicyReasons"/>).</summary>
    public string Reasons { get; private set; } = "";

    public Guid? UserId { get; private set; }
}

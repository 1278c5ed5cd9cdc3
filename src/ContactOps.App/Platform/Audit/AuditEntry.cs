namespace ContactOps.Platform.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>A full ID number or phone was shown to someone who sees it masked elsewhere.</summary>
    PersonalDataRead,

    /// <summary>A bulk load (import) committed rows outside the change tracker; the entry carries its summary.</summary>
    Imported,

    SignIn,

    /// <summary>A stored file (call recording, evidence, legalization package) was downloaded.</summary>
    FileDownloaded,

    /// <summary>An action on a user's account that changes no tracked field worth showing: a password reset, an unlock, a lockout, a client-admin grant.</summary>
    AccountAction,

    /// <summary>
    /// A customer's document or phone, as typed by someone who may not reveal it, was checked against the stored one;
    /// the entry carries which fields were asked and whether each matched (<c>documentMatches</c>, <c>phoneMatches</c>),
    /// never the typed value.
    /// </summary>
    PersonalDataVerified,
}

/// <summary>
/// One appended line of the audit trail. There is no update or delete path: the interceptor refuses
/// them and the database has triggers that abort them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, Guid? userId, string userName, Guid? clientId, Guid? operationId, string entity, string entityId, AuditAction action, string? changes)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        ClientId = clientId;
        OperationId = operationId;
        Entity = entity;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public Guid? ClientId { get; private set; }

    public Guid? OperationId { get; private set; }

    public string Entity { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public AuditAction Action { get; private set; }

    /// <summary>JSON object: property → [before, after] (or a summary for reads and imports).</summary>
    public string? Changes { get; private set; }
}

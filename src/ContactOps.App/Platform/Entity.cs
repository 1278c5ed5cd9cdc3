namespace ContactOps.Platform;

/// <summary>
/// Marks a business record whose every change is appended to the audit trail by
/// <see cref="Audit.AuditInterceptor"/>. <see cref="AuditClientId"/> and <see cref="AuditOperationId"/>
/// say whose data it is, so the trail can be filtered and scoped like the records themselves.
/// </summary>
public interface IAuditable
{
    Guid Id { get; }

    Guid? AuditClientId { get; }

    Guid? AuditOperationId { get; }
}

/// <summary>Creation and update stamps, written by the audit interceptor, never by handlers.</summary>
public interface IStamped
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Ids are sortable version-7 GUIDs created in the application, so bulk loads can set them.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}

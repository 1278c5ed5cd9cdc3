using System.Text.Json;
using ContactOps.Platform.Data;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Platform.Audit;

/// <summary>Appends entries that are not changes to a tracked record: reads of personal data, bulk imports.</summary>
public sealed class AuditLog(AccessScope scope, TimeProvider time)
{
    public AuditEntry Entry(Guid? clientId, Guid? operationId, string entity, string entityId, AuditAction action, object? details) =>
        new(time.GetUtcNow(), scope.UserId, scope.UserName, clientId, operationId, entity, entityId, action,
            details is null ? null : JsonSerializer.Serialize(details, AuditJson.Options));

    public async Task AppendAsync(AppDbContext db, Guid? clientId, Guid? operationId, string entity, string entityId, AuditAction action, object? details, CancellationToken ct)
    {
        db.AuditEntries.Add(Entry(clientId, operationId, entity, entityId, action, details));
        await db.SaveChangesAsync(ct);
    }
}

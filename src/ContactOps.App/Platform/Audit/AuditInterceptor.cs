using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ContactOps.Platform.Audit;

/// <summary>
/// Appends an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAuditable"/> record
/// (and for changes to the records they own), in the same SaveChanges, and stamps <see cref="IStamped"/>
/// records. Refuses any change to existing audit entries.
/// </summary>
public sealed class AuditInterceptor(AccessScope scope, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
        {
            Append(eventData.Context);
        }

        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
        {
            Append(eventData.Context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Append(DbContext context)
    {
        var now = time.GetUtcNow();
        var entries = new List<AuditEntry>();
        var tracked = context.ChangeTracker.Entries().ToList();
        var owners = new Owners(tracked);
        foreach (var entry in tracked)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("El registro de auditoría es de solo anexión: no se puede modificar ni borrar.");
                }

                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is IStamped stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    stamped.CreatedAt = now;
                }

                if (entry.State != EntityState.Deleted)
                {
                    stamped.UpdatedAt = now;
                }
            }

            var (owner, path) = FindAuditable(entry, owners);
            if (owner is null)
            {
                continue;
            }

            var changes = Describe(entry, path);
            if (changes is null)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added when path is null => AuditAction.Created,
                EntityState.Deleted when path is null => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            entries.Add(new AuditEntry(now, scope.UserId, scope.UserName, owner.AuditClientId, owner.AuditOperationId,
                owner is DetachedParent d ? d.Type : owner.GetType().Name, owner.Id.ToString(), action, changes));
        }

        if (entries.Count > 0)
        {
            context.Set<AuditEntry>().AddRange(entries);
        }
    }

    /// <summary>The auditable record an entry belongs to: itself, or the owner of an owned/child type.</summary>
    private static (IAuditable? Owner, string? Path) FindAuditable(EntityEntry entry, Owners owners)
    {
        if (entry.Entity is IAuditable auditable)
        {
            return (auditable, null);
        }

        // Owned types (e.g. KPI targets) report under their owner.
        var ownership = entry.Metadata.FindOwnership();
        if (ownership is not null)
        {
            if (owners.OwnerOf(entry, ownership)?.Entity is IAuditable ownerAuditable)
            {
                return (ownerAuditable, entry.Metadata.ClrType.Name);
            }
        }

        // Child records that name their auditable parent through an IAuditChild.
        if (entry.Entity is IAuditChild child)
        {
            if (owners.Auditable(child.AuditParentId) is { } parent)
            {
                return (parent, entry.Metadata.ClrType.Name);
            }

            return (new DetachedParent(child.AuditParentId, child.AuditParentType, child.AuditClientId, child.AuditOperationId), entry.Metadata.ClrType.Name);
        }

        return (null, null);
    }

    /// <summary>
    /// The tracked entries of one save, indexed once: the owner of an owned entry and the parent of a child are found by
    /// key, not by scanning every entry for each (a save of thousands of rows, such as the demo data, stays linear).
    /// </summary>
    private sealed class Owners(List<EntityEntry> tracked)
    {
        private Dictionary<(IReadOnlyEntityType Type, object Key), EntityEntry>? _byKey;
        private Dictionary<Guid, IAuditable>? _auditables;

        public EntityEntry? OwnerOf(EntityEntry entry, IReadOnlyForeignKey ownership)
        {
            if (ownership.Properties.Count != 1 || !ownership.PrincipalKey.IsPrimaryKey())
            {
                return tracked.FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                    && ownership.Properties.Select((p, i) => Equals(entry.Property(p.Name).CurrentValue, e.Property(ownership.PrincipalKey.Properties[i].Name).CurrentValue)).All(x => x));
            }

            if (_byKey is null)
            {
                _byKey = [];
                foreach (var e in tracked)
                {
                    if (e.Metadata.FindPrimaryKey() is { Properties.Count: 1 } key && e.Property(key.Properties[0].Name).CurrentValue is { } value)
                    {
                        _byKey.TryAdd((e.Metadata, value), e);
                    }
                }
            }

            return entry.Property(ownership.Properties[0].Name).CurrentValue is { } fk ? _byKey.GetValueOrDefault((ownership.PrincipalEntityType, fk)) : null;
        }

        public IAuditable? Auditable(Guid id)
        {
            if (_auditables is null)
            {
                _auditables = [];
                foreach (var e in tracked)
                {
                    if (e.Entity is IAuditable a)
                    {
                        _auditables.TryAdd(a.Id, a);
                    }
                }
            }

            return _auditables.GetValueOrDefault(id);
        }
    }

    private static string? Describe(EntityEntry entry, string? path)
    {
        var diff = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Secret.Contains(name) || p.Metadata.IsShadowProperty() && p.Metadata.IsForeignKey())
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is not null && name is not ("CreatedAt" or "UpdatedAt"))
                    {
                        diff[Key(path, name)] = [null, Plain(p.CurrentValue)];
                    }

                    break;
                case EntityState.Deleted:
                    diff[Key(path, name)] = [Plain(p.OriginalValue), null];
                    break;
                case EntityState.Modified:
                    if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && name is not "UpdatedAt")
                    {
                        diff[Key(path, name)] = [Plain(p.OriginalValue), Plain(p.CurrentValue)];
                    }

                    break;
            }
        }

        if (diff.Count == 0)
        {
            return null;
        }

        if (path is not null)
        {
            diff["$" + path] = [entry.State.ToString()];
        }

        return JsonSerializer.Serialize(diff, AuditJson.Options);
    }

    private static string Key(string? path, string name) => path is null ? name : path + "." + name;

    private static object? Plain(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        Guid g => g.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable list => JsonSerializer.Serialize(list, AuditJson.Options),
        _ => value.ToString(),
    };

    private sealed record DetachedParent(Guid Id, string Type, Guid? AuditClientId, Guid? AuditOperationId) : IAuditable;
}

/// <summary>A record that belongs to an auditable parent (e.g. a customer's phone): its changes are logged under the parent.</summary>
public interface IAuditChild
{
    Guid AuditParentId { get; }

    string AuditParentType { get; }

    Guid? AuditClientId { get; }

    Guid? AuditOperationId { get; }
}

/// <summary>Audit JSON keeps accented letters as they are (readable and searchable in the database), not as \u escapes.</summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
}

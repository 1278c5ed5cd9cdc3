using System.Collections.Frozen;
using System.Reflection;
using ContactOps.Platform.Data;

namespace ContactOps.Components.Shared;

/// <summary>
/// The records the audit trail may name (every type reachable from <see cref="AppDbContext"/>'s sets through properties), by
/// their type name as the audit writes it, and the enums their properties hold. A value of an enum shows with the resource
/// <c>Enum_&lt;EnumType&gt;_&lt;Value&gt;</c> (AppText); a test holds every such enum to have one in both languages.
/// </summary>
public static class AuditedTypes
{
    private static readonly Lazy<FrozenDictionary<string, Type>> ByName = new(Discover);

    /// <summary>Audited record types by name (e.g. "Sale", "SaleStep").</summary>
    public static IReadOnlyDictionary<string, Type> Entities => ByName.Value;

    /// <summary>Every enum a property of an audited record holds.</summary>
    public static IEnumerable<Type> Enums =>
        ByName.Value.Values.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => EnumType(p.PropertyType)).OfType<Type>().Distinct();

    /// <summary>Fields the audit never shows: ids, versions, search keys, stamps (and every name ending in Id or starting with Normalized).</summary>
    public static IReadOnlySet<string> Technical { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "Version", "RowVersion", "ConcurrencyStamp", "SecurityStamp", "SearchName", "SearchKey", "CreatedAt", "UpdatedAt", "PasswordHash",
    };

    /// <summary>True for a field the audit leaves out.</summary>
    public static bool IsTechnical(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Technical.Contains(field) || field.StartsWith("Normalized", StringComparison.Ordinal) || (field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2);
    }

    /// <summary>Every scalar field of an audited record the audit may show (by name; each has an <c>AuditField_</c> label).</summary>
    public static IEnumerable<string> ShownFields =>
        ByName.Value.Values.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.CanWrite || p.SetMethod is not null || p.GetSetMethod(nonPublic: true) is not null)
            .Where(p => IsScalar(p.PropertyType) && !IsTechnical(p.Name))
            .Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static bool IsScalar(Type t)
    {
        var inner = Nullable.GetUnderlyingType(t) ?? t;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal) || inner == typeof(DateTimeOffset) || inner == typeof(DateTime)
            || inner == typeof(DateOnly) || inner == typeof(TimeOnly) || inner == typeof(TimeSpan);
    }

    /// <summary>The enum held by <paramref name="field"/> of the record <paramref name="entity"/> (or, when the record does not say, by the only enum field of that name anywhere); null when it is not an enum.</summary>
    public static Type? EnumOf(string? entity, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (entity is not null && ByName.Value.TryGetValue(entity, out var type) && type.GetProperty(field, BindingFlags.Public | BindingFlags.Instance) is { } property)
        {
            return EnumType(property.PropertyType);
        }

        var candidates = ByName.Value.Values
            .Select(t => t.GetProperty(field, BindingFlags.Public | BindingFlags.Instance))
            .Select(p => p is null ? null : EnumType(p.PropertyType))
            .OfType<Type>().Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The resource keys of a raw enum value as stored ("Contacted, Sale" for flags: one key per name).</summary>
    public static IReadOnlyList<string> Keys(Type enumType, string raw)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Key(enumType, v)).ToList();
    }

    /// <summary>The resource key of one enum value.</summary>
    public static string Key(Type enumType, string value)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return "Enum_" + enumType.Name + "_" + value;
    }

    private static Type? EnumType(Type t)
    {
        var inner = Nullable.GetUnderlyingType(t) ?? t;
        return inner.IsEnum ? inner : null;
    }

    private static FrozenDictionary<string, Type> Discover()
    {
        var app = typeof(AppDbContext).Assembly;
        var found = new Dictionary<string, Type>(StringComparer.Ordinal);
        var queue = new Queue<Type>(typeof(AppDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Assembly == app)); // Identity's own logins, claims and tokens are never audited
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!found.TryAdd(type.Name, type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = property.PropertyType;
                var item = t.IsGenericType && t.GetGenericArguments() is [var only] ? only : t;
                if (item.IsClass && item.Assembly == app && !found.ContainsKey(item.Name))
                {
                    queue.Enqueue(item);
                }
            }
        }

        return found.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Globalization;
using ContactOps.Modules.Outbound.Contracts;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound;

/// <summary>The numbers that may not be called, loaded once per import: the operation's do-not-call list and the country's current registry (calls channel).</summary>
public sealed class ExclusionLists
{
    private readonly HashSet<string> _dnc;
    private readonly HashSet<long> _registry;

    private ExclusionLists(HashSet<string> dnc, HashSet<long> registry)
    {
        _dnc = dnc;
        _registry = registry;
    }

    public int DncCount => _dnc.Count;

    public int RegistryCount => _registry.Count;

    public static async Task<ExclusionLists> LoadAsync(AppDbContext db, Guid operationId, string country, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dnc = (await db.DncEntries.AsNoTracking().Where(d => d.OperationId == operationId).Select(d => d.E164).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var registry = new HashSet<long>();
        var snapshot = await db.ExclusionSnapshots.AsNoTracking().Where(s => s.Country == country && s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (snapshot is { } id)
        {
            await foreach (var entry in db.ExclusionEntries.AsNoTracking().Where(e => e.SnapshotId == id).Select(e => new { e.E164, e.Channels }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if ((entry.Channels & ExclusionChannels.Calls) != 0 && PhoneKey(entry.E164) is { } key)
                {
                    registry.Add(key);
                }
            }
        }

        return new ExclusionLists(dnc, registry);
    }

    /// <summary>Why the phone may not be called (<see cref="PolicyReasons.Dnc"/> first), or null when it may.</summary>
    public string? ReasonFor(string e164) =>
        _dnc.Contains(e164) ? PolicyReasons.Dnc
        : PhoneKey(e164) is { } key && _registry.Contains(key) ? PolicyReasons.ExcludedRegistry
        : null;

    /// <summary>An E.164 number as a 64-bit key (its digits).</summary>
    public static long? PhoneKey(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var digits = e164.AsSpan().TrimStart('+');
        return digits.Length is > 0 and <= 18 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : null;
    }
}

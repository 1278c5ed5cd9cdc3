using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>A disposition of an operation's catalog, as other modules see it.</summary>
public sealed record DispositionInfo(Guid Id, string Code, string Name, bool IsActive, bool IsEscalation, bool IsSale, int SortOrder);

/// <summary>A disposition with the flags that drive KPIs and dialing (Answered = a person picked up).</summary>
public sealed record DispositionTraits(
    Guid Id, string Code, string Name, bool IsActive, bool Answered, bool Contact, bool EffectiveContact, bool Sale, bool Final,
    bool Callback, bool DoNotCall, bool NumberUnusable, bool Machine, bool Failed);

/// <summary>
/// Questions other modules ask about an operation's catalog and its client's business calendar, without
/// touching Organization's tables or features.
/// </summary>
public static class OperationCatalog
{
    /// <summary>The operation's dispositions (active and inactive), in catalog order.</summary>
    public static async Task<IReadOnlyList<DispositionInfo>> DispositionsAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var rows = await db.Dispositions.AsNoTracking()
            .Where(d => d.OperationId == operationId)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name, d.IsActive, d.Flags, d.SortOrder })
            .ToListAsync(ct);
        return rows.Select(d => new DispositionInfo(d.Id, d.Code, d.Name, d.IsActive,
            d.Flags.HasFlag(DispositionFlags.Escalation), d.Flags.HasFlag(DispositionFlags.Sale), d.SortOrder)).ToList();
    }

    /// <summary>The operation's dispositions with their flags (active and inactive), in catalog order.</summary>
    public static async Task<IReadOnlyList<DispositionTraits>> DispositionTraitsAsync(AppDbContext db, Guid operationId, CancellationToken ct)
    {
        var rows = await db.Dispositions.AsNoTracking()
            .Where(d => d.OperationId == operationId)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name, d.IsActive, d.Flags })
            .ToListAsync(ct);
        return rows.Select(d => new DispositionTraits(d.Id, d.Code, d.Name, d.IsActive,
            d.Flags.HasFlag(DispositionFlags.Answered), d.Flags.HasFlag(DispositionFlags.Contact), d.Flags.HasFlag(DispositionFlags.EffectiveContact),
            d.Flags.HasFlag(DispositionFlags.Sale), d.Flags.HasFlag(DispositionFlags.Final), d.Flags.HasFlag(DispositionFlags.Callback),
            d.Flags.HasFlag(DispositionFlags.DoNotCall), d.Flags.HasFlag(DispositionFlags.NumberUnusable), d.Flags.HasFlag(DispositionFlags.Machine),
            d.Flags.HasFlag(DispositionFlags.Failed))).ToList();
    }

    /// <summary>The client (with its holiday overrides) and its business calendar, or null when the caller cannot see it.</summary>
    public static async Task<(Client Client, BusinessCalendar Calendar)?> CalendarAsync(AppDbContext db, Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Holidays).AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, ct);
        return client is null ? null : (client, client.Calendar());
    }
}

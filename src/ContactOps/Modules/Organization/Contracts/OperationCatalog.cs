using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>A disposition of an operation's catalog, as other modules see it.</summary>
public sealed record DispositionInfo(Guid Id, string Code, string Name, bool IsActive, bool IsEscalation, bool IsSale, int SortOrder);

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

    /// <summary>The client (with its holiday overrides) and its business calendar, or null when the caller cannot see it.</summary>
    public static async Task<(Client Client, BusinessCalendar Calendar)?> CalendarAsync(AppDbContext db, Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Holidays).AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, ct);
        return client is null ? null : (client, client.Calendar());
    }
}

using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Contracts;

/// <summary>What other modules may ask about sales (reports of inbound cases, outbound desk…).</summary>
public static class SalesLookups
{
    /// <summary>Of the given interactions, those that have at least one sale on the sheet (typification to the sales sheet).</summary>
    public static async Task<HashSet<Guid>> InteractionsWithSaleAsync(AppDbContext db, IReadOnlyCollection<Guid> interactionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(interactionIds);
        var found = new HashSet<Guid>();
        foreach (var chunk in interactionIds.Chunk(500))
        {
            var ids = chunk.ToList();
            found.UnionWith(await db.Sales.AsNoTracking()
                .Where(s => s.InteractionId != null && ids.Contains(s.InteractionId.Value))
                .Select(s => s.InteractionId!.Value)
                .Distinct()
                .ToListAsync(ct));
        }

        return found;
    }
}

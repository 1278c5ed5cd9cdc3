using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales.Contracts;

/// <summary>One sale of a customer as the 360° page lists it (labels in Spanish).</summary>
public sealed record CustomerSaleItem(Guid Id, DateTimeOffset SoldAt, string Kind, string State, decimal MonthlyValue, string Currency);

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

    /// <summary>The customer's latest sales (the caller's tenancy applies).</summary>
    public static async Task<IReadOnlyList<CustomerSaleItem>> RecentForCustomerAsync(AppDbContext db, Guid customerId, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Sales.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.SoldAt)
            .Take(take)
            .Select(s => new { s.Id, s.SoldAt, s.Kind, s.State, s.MonthlyValue, s.Currency })
            .ToListAsync(ct);
        return rows.Select(s => new CustomerSaleItem(s.Id, s.SoldAt, SaleLabels.Kind(s.Kind), SaleLabels.State(s.State), s.MonthlyValue, s.Currency)).ToList();
    }
}

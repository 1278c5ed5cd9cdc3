using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Contracts;

/// <summary>One interaction of a customer as the 360° page lists it.</summary>
public sealed record CustomerInteractionItem(
    Guid Id, DateTimeOffset OpenedAt, string Channel, string? Typology, string? Disposition, string? Resolution, bool? SolvedInFirstContact, DateTimeOffset? EscalationDueAt, bool EscalationOpen);

/// <summary>What other modules may ask about a customer's interactions (the caller's tenancy applies).</summary>
public static class CustomerInteractionHistory
{
    public static async Task<IReadOnlyList<CustomerInteractionItem>> RecentAsync(AppDbContext db, Guid customerId, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerId == customerId)
            .OrderByDescending(i => i.OpenedAt)
            .Take(take)
            .Select(i => new { i.Id, i.OpenedAt, i.Channel, i.Typology, i.DispositionCode, i.Resolution, i.SolvedInFirstContact })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => ids.Contains(e.InteractionId))
            .Select(e => new { e.InteractionId, e.DueAt, e.State })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var e = escalations.FirstOrDefault(x => x.InteractionId == r.Id);
            return new CustomerInteractionItem(r.Id, r.OpenedAt, r.Channel.ToString(), r.Typology, r.DispositionCode, r.Resolution?.ToString(), r.SolvedInFirstContact, e?.DueAt, e?.State == EscalationState.Open);
        }).ToList();
    }
}

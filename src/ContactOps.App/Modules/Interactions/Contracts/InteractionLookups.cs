using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Contracts;

/// <summary>An interaction as other modules may know it: its operation, customer and whether it is closed.</summary>
public sealed record InteractionRef(Guid Id, Guid ClientId, Guid OperationId, Guid? CustomerId, bool IsClosed, string? CallId = null, string? Extension = null, string? AgentLogin = null);

/// <summary>
/// Questions other modules (sales) may ask about interactions without touching the Interactions tables directly.
/// Every query goes through the caller's tenancy filters: an interaction of an operation the caller does not work in
/// is not found.
/// </summary>
public static class InteractionLookups
{
    public static Task<InteractionRef?> FindAsync(AppDbContext db, Guid interactionId, CancellationToken ct) =>
        db.Interactions.AsNoTracking()
            .Where(i => i.Id == interactionId)
            .Select(i => new InteractionRef(i.Id, i.ClientId, i.OperationId, i.CustomerId, i.ClosedAt != null, i.CallId, i.Extension, i.AgentLogin))
            .FirstOrDefaultAsync(ct);
}

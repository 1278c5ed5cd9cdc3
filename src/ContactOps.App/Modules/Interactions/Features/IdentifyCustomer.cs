using ContactOps.Modules.Customers.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

public sealed record IdentifyCustomerRequest(Guid? CustomerId);

/// <summary>Links the caller's customer (found with the customer search) to an open interaction.</summary>
public sealed class IdentifyCustomer(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<InteractionView>> HandleAsync(Guid interactionId, IdentifyCustomerRequest request, CancellationToken ct)
    {
        if (request.CustomerId is not { } customerId || customerId == Guid.Empty)
        {
            return Error.Invalid("customerId", "customer.required");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await InteractionRules.InteractionAsync(db, scope, interactionId, InteractionRules.DeskRoles, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var interaction = found.Value!;
        var open = InteractionRules.RequireOpen(interaction);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        if (await CustomerDirectory.NameAsync(db, interaction.ClientId, customerId, ct) is null)
        {
            return Error.Invalid("customerId", "customer.not_found#2");
        }

        interaction.Identify(customerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InteractionRules.ConcurrencyConflict;
        }

        return await InteractionRules.ViewAsync(db, interaction, ct);
    }
}

using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Interactions.Features;

/// <summary>One interaction with its escalation (404 when the caller cannot see it).</summary>
public sealed class GetInteraction(IDbContextFactory<AppDbContext> dbs, AccessScope scope)
{
    public async Task<Result<InteractionView>> HandleAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await InteractionRules.InteractionAsync(db, scope, id, [.. InteractionRules.DeskRoles, .. InteractionRules.QueueRoles], ct);
        return found.IsSuccess ? await InteractionRules.ViewAsync(db, found.Value!, ct) : found.Error!;
    }
}

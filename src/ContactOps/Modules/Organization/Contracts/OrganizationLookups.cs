using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Contracts;

/// <summary>Questions other modules may ask about the organisation (teams, operations) without touching its tables.</summary>
public static class OrganizationLookups
{
    public static Task<bool> TeamBelongsToOperationAsync(AppDbContext db, Guid teamId, Guid operationId, CancellationToken ct) =>
        db.Teams.IgnoreQueryFilters().AnyAsync(x => x.Id == teamId && x.OperationId == operationId, ct);
}

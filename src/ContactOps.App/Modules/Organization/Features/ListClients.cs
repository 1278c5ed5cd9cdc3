using ContactOps.Modules.Organization.Contracts;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization.Features;

public sealed record ClientRow(Guid Id, string Code, string Name, string Country, string TimeZone, string Currency, string OpeningHours, bool IsActive);

/// <summary>The clients in which the caller administers something (every client for a platform admin).</summary>
public sealed class ListClients(IDbContextFactory<AppDbContext> dbs, AdminAccess access)
{
    public async Task<Result<Page<ClientRow>>> HandleAsync(int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAnyAdmin)
        {
            return AdminAccess.NotAdmin;
        }

        var paging = Paging.From(page, pageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Clients.IgnoreQueryFilters().AsNoTracking();
        if (!access.IsPlatformAdmin)
        {
            var ids = access.AdministeredClientIds;
            query = query.Where(c => ids.Contains(c.Id));
        }

        return await query.OrderBy(c => c.Code)
            .Select(c => new ClientRow(c.Id, c.Code, c.Name, c.Country.ToString(), c.TimeZoneId, c.Currency, c.OpeningHours, c.IsActive))
            .ToPageAsync(paging.Value, ct);
    }
}

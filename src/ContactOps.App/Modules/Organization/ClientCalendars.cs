using System.Globalization;
using ContactOps.Platform.Calendar;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Organization;

/// <summary>Loads a client's business calendar by code (within the caller's scope: a member of the client or its admin).</summary>
public sealed class ClientCalendars(AppDbContext db)
{
    public async Task<Result<(Client Client, BusinessCalendar Calendar)>> ForCodeAsync(string? clientCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientCode))
        {
            return Error.Invalid("client", "client.required");
        }

        var code = clientCode.Trim();
        var client = await db.Clients.IgnoreQueryFilters().Include(c => c.Holidays).AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (client is null || !(db.Scope.CanSeeClient(client.Id) || db.Scope.AdministersClient(client.Id)))
        {
            return Error.NotFound("client.not_found", code);
        }

        return (client, client.Calendar());
    }
}

using System.Globalization;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Outbound.Features;

/// <summary>A lead base as lists show it: its counts and status.</summary>
public sealed record LeadBaseItem(Guid Id, string Operation, string Name, string FileName, DateTimeOffset ReceivedAt, string Status, int Rows, int Accepted, int Rejected, int Duplicates, int Excluded, int Leads);

/// <summary>The lead bases the caller manages (the operation's data marshall, supervisor, coordinator, manager, admin), newest first, with their counts.</summary>
public sealed class ListLeadBases(AppDbContext db, AccessScope scope)
{
    public async Task<Result<IReadOnlyList<LeadBaseItem>>> HandleAsync(string? operationCode, CancellationToken ct)
    {
        var query = from b in db.LeadBases.AsNoTracking()
                    join o in db.Operations on b.OperationId equals o.Id
                    select new { b, o.Code };
        if (!string.IsNullOrWhiteSpace(operationCode))
        {
            var code = operationCode.Trim();
            if (!await db.Operations.AnyAsync(o => o.Code == code, ct))
            {
                return Error.NotFound("operation.not_found#2", code);
            }

            query = query.Where(x => x.Code == code);
        }

        var rows = await query.OrderByDescending(x => x.b.ReceivedAt).Take(500).ToListAsync(ct);
        var visible = rows.Where(x => LeadAccess.CanManageBases(scope, x.b.OperationId)).ToList();
        var ids = visible.Select(x => x.b.Id).ToList();
        var counts = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.BaseId)).GroupBy(l => l.BaseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return visible.Select(x => new LeadBaseItem(
            x.b.Id, x.Code, x.b.Name, x.b.FileName, x.b.ReceivedAt, x.b.Status.ToString(), x.b.Rows, x.b.Accepted, x.b.Rejected, x.b.Duplicates, x.b.Excluded,
            counts.GetValueOrDefault(x.b.Id))).ToList();
    }
}

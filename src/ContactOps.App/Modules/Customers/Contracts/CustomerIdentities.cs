using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>A customer's identity as other modules may print it (e.g. in files for the carrier): document and name.</summary>
public sealed record CustomerIdentity(Guid Id, string DocumentType, string DocumentNumber, string FullName);

/// <summary>Identity lookups for other modules (within the caller's scope).</summary>
public static class CustomerIdentities
{
    public static async Task<Dictionary<Guid, CustomerIdentity>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, CustomerIdentity>();
        foreach (var chunk in customerIds.Distinct().Chunk(500))
        {
            var rows = await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.DocumentType, c.DocumentNumber, c.FirstNames, c.LastNames }).ToListAsync(ct);
            foreach (var r in rows)
            {
                result[r.Id] = new CustomerIdentity(r.Id, r.DocumentType.ToString(), r.DocumentNumber, string.Join(' ', new[] { r.FirstNames, r.LastNames }.Where(s => s.Length > 0)));
            }
        }

        return result;
    }
}

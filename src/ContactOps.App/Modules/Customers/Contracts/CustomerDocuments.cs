using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>Resolving customers by their document number, for other modules' imports and exports (sales sheet).</summary>
public static class CustomerDocuments
{
    /// <summary>A document number as stored: letters and digits only, upper case (dots, dashes and spaces dropped).</summary>
    public static string Normalize(string? number) =>
        new((number ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>
    /// Customers of the client whose document number is one of <paramref name="numbers"/> (normalised): number → ids
    /// (more than one id when customers of different document types share the number). Scoped by the caller's access.
    /// </summary>
    public static async Task<Dictionary<string, List<Guid>>> FindAsync(AppDbContext db, Guid clientId, IEnumerable<string> numbers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Select(Normalize).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Customers.AsNoTracking()
                .Where(c => c.ClientId == clientId && chunk.Contains(c.DocumentNumber))
                .Select(c => new { c.Id, c.DocumentNumber })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!found.TryGetValue(row.DocumentNumber, out var ids))
                {
                    found[row.DocumentNumber] = ids = [];
                }

                ids.Add(row.Id);
            }
        }

        return found;
    }

    /// <summary>Document numbers of the given customers (id → number), for exports.</summary>
    public static async Task<Dictionary<Guid, string>> NumbersAsync(AppDbContext db, IEnumerable<Guid> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new Dictionary<Guid, string>();
        foreach (var chunk in customerIds.Distinct().Chunk(500))
        {
            foreach (var row in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.DocumentNumber }).ToListAsync(ct))
            {
                found[row.Id] = row.DocumentNumber;
            }
        }

        return found;
    }
}

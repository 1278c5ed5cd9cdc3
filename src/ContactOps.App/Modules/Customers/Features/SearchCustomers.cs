using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

public sealed record CustomerSearchRequest(string? Q, Guid? ClientId = null, int? Page = null, int? PageSize = null);

/// <summary>A search hit: personal data masked (the full values are revealed, and logged, on the 360° page).</summary>
public sealed record CustomerSummary(Guid Id, Guid ClientId, string FullName, string DocumentType, string DocumentMasked, string? PhoneMasked, string MatchedBy);

/// <summary>
/// Finds customers by document, phone (any format), home account, mobile line or name, within the clients
/// the caller works for.
/// </summary>
public sealed class SearchCustomers(AppDbContext db)
{
    public async Task<Result<Page<CustomerSummary>>> HandleAsync(CustomerSearchRequest request, CancellationToken ct)
    {
        var paging = Paging.From(request.Page, request.PageSize ?? 20);
        if (!paging.IsSuccess)
        {
            return paging.Error!;
        }

        var q = request.Q?.Trim() ?? "";
        if (q.Length < 3)
        {
            return Error.Invalid("q", "search.too_short");
        }

        var clients = await db.Clients.AsNoTracking()
            .Where(c => request.ClientId == null || c.Id == request.ClientId)
            .Select(c => new { c.Id, c.Country })
            .ToListAsync(ct);
        if (clients.Count == 0)
        {
            return new Page<CustomerSummary>([], 1, paging.Value.PageSize, 0);
        }

        var clientIds = clients.Select(c => c.Id).ToArray();
        var ids = new Dictionary<Guid, string>();

        // Phones (and mobile lines) in any written format, normalised per client country.
        var e164s = clients.Select(c => PhoneNumber.Parse(q, c.Country)).Where(r => r.IsSuccess).Select(r => r.Value!.E164).Distinct().ToArray();
        if (e164s.Length > 0)
        {
            foreach (var id in await db.CustomerPhones.AsNoTracking().Where(p => clientIds.Contains(p.ClientId) && e164s.Contains(p.E164)).Select(p => p.CustomerId).Distinct().Take(200).ToListAsync(ct))
            {
                ids.TryAdd(id, "phone");
            }

            foreach (var id in await db.MobileLines.AsNoTracking().Where(l => clientIds.Contains(l.ClientId) && e164s.Contains(l.Number)).Select(l => l.CustomerId).Distinct().Take(200).ToListAsync(ct))
            {
                ids.TryAdd(id, "line");
            }
        }

        // Document number: digits (and letters for CE/PA/CI complements), without punctuation.
        var doc = new string(q.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (doc.Length >= 3 && doc.Any(char.IsDigit))
        {
            var docNoDv = doc.Length > 1 ? doc[..^1] : doc; // a NIT typed with its check digit
            foreach (var id in await db.Customers.AsNoTracking().Where(c => clientIds.Contains(c.ClientId) && (c.DocumentNumber == doc || (c.DocumentType == DocumentType.NIT && c.DocumentNumber == docNoDv))).Select(c => c.Id).Take(200).ToListAsync(ct))
            {
                ids.TryAdd(id, "document");
            }

            foreach (var id in await db.HomeAccounts.AsNoTracking().Where(a => clientIds.Contains(a.ClientId) && a.AccountNumber == q).Select(a => a.CustomerId).Take(200).ToListAsync(ct))
            {
                ids.TryAdd(id, "account");
            }
        }

        // Name: accent- and case-insensitive containment.
        var name = TextSearch.Normalize(q);
        if (!name.Any(char.IsDigit))
        {
            foreach (var id in await db.Customers.AsNoTracking().Where(c => clientIds.Contains(c.ClientId) && c.SearchName.Contains(name)).OrderBy(c => c.SearchName).Select(c => c.Id).Take(500).ToListAsync(ct))
            {
                ids.TryAdd(id, "name");
            }
        }

        var p = paging.Value;
        var pageIds = ids.Keys.ToArray();
        var rows = await db.Customers.AsNoTracking()
            .Where(c => pageIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.ClientId,
                c.FirstNames,
                c.LastNames,
                c.SearchName,
                c.DocumentType,
                c.DocumentNumber,
                c.DocumentComplement,
                c.DocumentDepartment,
                Phone = c.Phones.OrderByDescending(x => x.IsPrimary).Select(x => x.E164).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var countries = clients.ToDictionary(c => c.Id, c => c.Country);
        var items = rows
            .OrderBy(r => r.SearchName, StringComparer.Ordinal)
            .Skip(p.Skip).Take(p.PageSize)
            .Select(r =>
            {
                var country = countries[r.ClientId];
                var document = IdDocument.FromStored(r.DocumentType, r.DocumentNumber, r.DocumentComplement, r.DocumentDepartment, country);
                return new CustomerSummary(r.Id, r.ClientId, (r.FirstNames + " " + r.LastNames).Trim(), r.DocumentType.ToString(), document.Masked,
                    r.Phone is null ? null : GetCustomer360.Mask(r.Phone, country), ids[r.Id]);
            })
            .ToList();
        return new Page<CustomerSummary>(items, p.Page, p.PageSize, rows.Count);
    }
}

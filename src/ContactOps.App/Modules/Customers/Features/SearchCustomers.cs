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
    /// <summary>Most customers a name search lists (the count stops there; another word narrows it).</summary>
    public const int MaxNameHits = 200;

    private const int MaxWords = 5;

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

        // Document number: digits (and letters for CE/PA/CI complements), without punctuation; index (client, number).
        var doc = new string(q.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (doc.Length >= 3 && doc.Any(char.IsDigit))
        {
            var docNoDv = doc[..^1]; // a NIT typed with its check digit
            foreach (var clientId in clientIds)
            {
                // One IN on the indexed number (an OR with the type would make SQLite read the client's whole range); the
                // number without its last digit counts only for a NIT typed with its check digit.
                var numbers = new[] { doc, docNoDv };
                foreach (var hit in await db.Customers.AsNoTracking().Where(c => c.ClientId == clientId && numbers.Contains(c.DocumentNumber)).Select(c => new { c.Id, c.DocumentNumber, c.DocumentType }).Take(200).ToListAsync(ct))
                {
                    if (hit.DocumentNumber == doc || hit.DocumentType == DocumentType.NIT)
                    {
                        ids.TryAdd(hit.Id, "document");
                    }
                }

                foreach (var id in await db.HomeAccounts.AsNoTracking().Where(a => a.ClientId == clientId && a.AccountNumber == q).Select(a => a.CustomerId).Take(200).ToListAsync(ct))
                {
                    ids.TryAdd(id, "account");
                }
            }
        }

        // Name: every word typed is the start of a word of the name, in any order, accents and case folded. The rarest
        // word drives an index range scan on (client, token); the others are checked per customer on the primary key
        // (customer, token). Capped, so a common first name never reads the whole table.
        var words = TextSearch.Tokens(q).Take(MaxWords).ToArray();
        if (words.Length > 0 && !words.Any(w => w.Any(char.IsDigit)))
        {
            foreach (var clientId in clientIds)
            {
                var ranges = await RarestFirstAsync(clientId, words, ct);
                var (from, to) = ranges[0];

                // Translated to SQL "token >= from AND token < to": binary order on both engines (C collation on PostgreSQL).
#pragma warning disable CA1309
                var hits = db.CustomerNameTokens.AsNoTracking()
                    .Where(t => t.ClientId == clientId && string.Compare(t.Token, from) >= 0 && string.Compare(t.Token, to) < 0);
                foreach (var (otherFrom, otherTo) in ranges.Skip(1))
                {
                    // A scalar subquery with LIMIT 1, not EXISTS: PostgreSQL would turn EXISTS into a semi-join and hash the
                    // other word's whole range; this stays one primary-key probe per driving row on both engines.
                    hits = hits.Where(t => db.CustomerNameTokens
                        .Where(o => o.CustomerId == t.CustomerId && string.Compare(o.Token, otherFrom) >= 0 && string.Compare(o.Token, otherTo) < 0)
                        .Select(o => (int?)1).FirstOrDefault() == 1);
                }
#pragma warning restore CA1309

                // A customer can match the driving word twice (MAR: MARIA and MARTINEZ): read a little more, keep once.
                var named = 0;
                foreach (var id in await hits.Select(t => t.CustomerId).Take(MaxNameHits * 2).ToListAsync(ct))
                {
                    if (named >= MaxNameHits)
                    {
                        break;
                    }

                    if (ids.TryAdd(id, "name"))
                    {
                        named++;
                    }
                }
            }
        }

        // Sort every hit by name (ids and names only), then read the page's rows.
        var p = paging.Value;
        var allIds = ids.Keys.ToArray();
        var order = await db.Customers.AsNoTracking().Where(c => allIds.Contains(c.Id)).Select(c => new { c.Id, c.SearchName }).ToListAsync(ct);
        var pageIds = order.OrderBy(r => r.SearchName, StringComparer.Ordinal).ThenBy(r => r.Id).Skip(p.Skip).Take(p.PageSize).Select(r => r.Id).ToArray();
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
            .OrderBy(r => r.SearchName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r =>
            {
                var country = countries[r.ClientId];
                var document = IdDocument.FromStored(r.DocumentType, r.DocumentNumber, r.DocumentComplement, r.DocumentDepartment, country);
                return new CustomerSummary(r.Id, r.ClientId, (r.FirstNames + " " + r.LastNames).Trim(), r.DocumentType.ToString(), document.Masked,
                    r.Phone is null ? null : GetCustomer360.Mask(r.Phone, country), ids[r.Id]);
            })
            .ToList();
        return new Page<CustomerSummary>(items, p.Page, p.PageSize, order.Count);
    }

    /// <summary>
    /// The words' prefix ranges, the rarest first per the client's word statistics (<see cref="CustomerNameWord"/>): a
    /// word's estimate is the sum of the customers of the statistics' words in its prefix range (a range of the small
    /// statistics table's key, not of the token index), so "maria gomez quintero" is driven by QUINTERO, not by thousands
    /// of MARIAs. A word the statistics do not know (a name saved since their last refresh) counts as 0: it drives.
    /// Ties go to the longer word.
    /// </summary>
    internal async Task<(string From, string To)[]> RarestFirstAsync(Guid clientId, string[] words, CancellationToken ct)
    {
        var ranges = words.Select(TextSearch.PrefixRange).ToArray();
        if (ranges.Length == 1)
        {
            return ranges;
        }

        var counted = new List<(long Count, int Length, (string From, string To) Range)>();
        foreach (var range in ranges)
        {
            var (from, to) = range;
#pragma warning disable CA1309
            var count = await db.CustomerNameWords.AsNoTracking()
                .Where(w => w.ClientId == clientId && string.Compare(w.Token, from) >= 0 && string.Compare(w.Token, to) < 0)
                .SumAsync(w => (long)w.Customers, ct);
#pragma warning restore CA1309
            counted.Add((count, from.Length, range));
        }

        return counted.OrderBy(c => c.Count).ThenByDescending(c => c.Length).Select(c => c.Range).ToArray();
    }
}

using ContactOps.Modules.Customers.Features;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>A customer found by the directory (personal data masked).</summary>
public sealed record CustomerMatch(Guid Id, Guid ClientId, string FullName, string DocumentType, string DocumentMasked, string? PhoneMasked, string MatchedBy);

/// <summary>
/// What other modules may ask about customers: search (the same search as the customers page) and a
/// customer's name by id, always within the caller's scope.
/// </summary>
public sealed class CustomerDirectory(SearchCustomers search, CreateCustomer create)
{
    /// <summary>
    /// Creates a customer of the operation's client (see <see cref="CreateCustomer"/>): a duplicate document or a phone
    /// in use answers a conflict whose <c>Data["customerId"]</c> is the customer it clashes with.
    /// </summary>
    public async Task<Result<CustomerMatch>> CreateAsync(
        string? operation, string? documentType, string? documentNumber, string? firstNames, string? lastNames, string? phone, string? email,
        bool confirmSharedPhone, CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateCustomerRequest(operation, documentType, documentNumber, firstNames, lastNames, phone, email, confirmSharedPhone), ct);
        return result.IsSuccess
            ? new CustomerMatch(result.Value!.Id, result.Value.ClientId, result.Value.FullName, documentType ?? "", "", null, "created")
            : result.Error!;
    }

    /// <summary>Search by document, phone (any format), account, line or name; at most 20 hits.</summary>
    public async Task<Result<IReadOnlyList<CustomerMatch>>> SearchAsync(string? q, Guid? clientId, CancellationToken ct)
    {
        var result = await search.HandleAsync(new CustomerSearchRequest(q, clientId, 1, 20), ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        return result.Value!.Items.Select(c => new CustomerMatch(c.Id, c.ClientId, c.FullName, c.DocumentType, c.DocumentMasked, c.PhoneMasked, c.MatchedBy)).ToList();
    }

    /// <summary>The customer's full name when it exists for the caller in that client; null otherwise.</summary>
    public static async Task<string?> NameAsync(AppDbContext db, Guid clientId, Guid customerId, CancellationToken ct)
    {
        var row = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId && c.ClientId == clientId)
            .Select(c => new { c.FirstNames, c.LastNames })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.FirstNames + " " + row.LastNames).Trim();
    }

    /// <summary>Full names of several customers (those the caller can see).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.FirstNames, c.LastNames }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.FirstNames + " " + r.LastNames).Trim());
    }
}

using ContactOps.Platform;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>A customer as other modules may know it: id, client and name.</summary>
public sealed record CustomerRef(Guid Id, Guid ClientId, string FullName);

/// <summary>Standing of a home account: status and the arrears / final-notice flags.</summary>
public sealed record AccountStanding(string AccountNumber, string Status, bool InArrears, bool FinalNotice);

/// <summary>
/// Questions other modules (sales, interactions) may ask about customers without touching the Customers tables
/// or value types directly. Every query goes through the caller's tenancy filters.
/// </summary>
public static class CustomerFacts
{
    public static Task<CustomerRef?> FindAsync(AppDbContext db, Guid customerId, CancellationToken ct) =>
        db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new CustomerRef(c.Id, c.ClientId, (c.FirstNames + " " + c.LastNames).Trim()))
            .FirstOrDefaultAsync(ct);

    /// <summary>The customer's first recorded address as one line ("Calle 1 # 2-3, Bogotá"), or null; for the device back office's confirmation call.</summary>
    public static async Task<string?> AddressAsync(AppDbContext db, Guid customerId, CancellationToken ct)
    {
        var address = await db.CustomerAddresses.AsNoTracking()
            .Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Line, a.City })
            .FirstOrDefaultAsync(ct);
        return address is null ? null : string.IsNullOrWhiteSpace(address.City) ? address.Line : address.Line + ", " + address.City;
    }

    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var ids = customerIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        return await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.FirstNames + " " + c.LastNames).Trim() })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    /// <summary>The standing of a home account of the client, or null when the account is not in our data.</summary>
    public static Task<AccountStanding?> AccountStandingAsync(AppDbContext db, Guid clientId, string accountNumber, CancellationToken ct) =>
        db.HomeAccounts.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.AccountNumber == accountNumber)
            .Select(a => new AccountStanding(a.AccountNumber, a.Status.ToString(), a.InArrears, a.FinalNotice))
            .FirstOrDefaultAsync(ct);

    /// <summary>A mobile line number normalised with the customers' phone rules (E.164); refused when not a valid mobile.</summary>
    public static Result<string> NormalizeMobileLine(string? raw, Country country)
    {
        var parsed = PhoneNumber.Parse(raw, country);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        return parsed.Value!.Kind == PhoneKind.Mobile
            ? parsed.Value.E164
            : Error.Validation("phone.not_mobile");
    }
}

using ContactOps.Platform;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>
/// Finds a client's customer by identity document, or creates it (name split into first and last names, phone added),
/// for modules that reach people first as other records (an outbound lead that buys). The caller saves the context.
/// </summary>
public static class CustomerEnrollment
{
    public static async Task<Result<CustomerRef>> FindOrCreateAsync(
        AppDbContext db, Guid clientId, Country country, string documentType, string documentNumber, string fullName, string? phone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = IdDocument.ParseType(documentType, country);
        if (type.Error is not null)
        {
            return type.Error;
        }

        var document = IdDocument.Create(type.Value, documentNumber, country);
        if (document.Error is not null)
        {
            return document.Error;
        }

        var doc = document.Value!;
        var existing = await db.Customers.Include(c => c.Phones)
            .FirstOrDefaultAsync(c => c.ClientId == clientId && c.DocumentType == doc.Type && c.DocumentNumber == doc.Number, ct)
            ?? db.Customers.Local.FirstOrDefault(c => c.ClientId == clientId && c.DocumentType == doc.Type && c.DocumentNumber == doc.Number);
        var customer = existing;
        if (customer is null)
        {
            var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var firstCount = words.Length switch { <= 1 => words.Length, 2 or 3 => 1, _ => words.Length - 2 };
            customer = new Customer(clientId, doc, string.Join(' ', words.Take(firstCount)), string.Join(' ', words.Skip(firstCount)));
            db.Customers.Add(customer);
        }

        if (phone is not null && PhoneNumber.TryParse(phone, country, out var parsed))
        {
            customer.AddPhone(parsed);
        }

        return new CustomerRef(customer.Id, customer.ClientId, customer.FullName);
    }
}

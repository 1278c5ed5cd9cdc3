using ContactOps.Modules.Organization;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

public sealed record PersonalData(string Document, IReadOnlyList<string> Phones, IReadOnlyList<string> Lines);

/// <summary>
/// Shows a customer's full document number and phones. Everyone sees them masked elsewhere, so every such
/// read is appended to the audit trail (who, when, which customer).
/// </summary>
public sealed class RevealPersonalData(AppDbContext db, AuditLog audit)
{
    public async Task<Result<PersonalData>> HandleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().Include(x => x.Phones).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("customer.not_found");
        }

        var country = await db.Clients.Where(x => x.Id == c.ClientId).Select(x => x.Country).FirstAsync(ct);
        var lines = await db.MobileLines.AsNoTracking().Where(l => l.CustomerId == id).Select(l => l.Number).ToListAsync(ct);
        var document = IdDocument.FromStored(c.DocumentType, c.DocumentNumber, c.DocumentComplement, c.DocumentDepartment, country);
        await audit.AppendAsync(db, c.ClientId, null, nameof(Customer), c.Id.ToString(), AuditAction.PersonalDataRead,
            new { fields = new[] { "document", "phones", "lines" } }, ct);
        return new PersonalData(document.ToString(), c.Phones.Select(p => Display(p.E164, country)).ToList(), lines.Select(l => Display(l, country)).ToList());
    }

    private static string Display(string e164, Platform.Country country)
    {
        var parsed = PhoneNumber.Parse(e164, country);
        return parsed.IsSuccess ? $"{parsed.Value!.Display} ({parsed.Value.E164})" : e164;
    }
}

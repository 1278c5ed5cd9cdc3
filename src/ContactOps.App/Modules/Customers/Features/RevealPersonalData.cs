using ContactOps.Modules.Organization;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

public sealed record PersonalData(string Document, IReadOnlyList<string> Phones, IReadOnlyList<string> Lines);

/// <summary>
/// Shows a customer's full document number and phones to who needs them (<see cref="PersonalDataAccess"/>: the roles of
/// the operation's setting, by default back office and leaders, and the client's admins); the others get 403
/// <c>customer.reveal_not_allowed</c> and verify instead (<see cref="VerifyPersonalData"/>). Everyone sees the data
/// masked elsewhere, so every reveal is appended to the audit trail (who, when, which customer).
/// </summary>
public sealed class RevealPersonalData(AppDbContext db, AuditLog audit, AccessScope scope)
{
    public async Task<Result<PersonalData>> HandleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().Include(x => x.Phones).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("customer.not_found");
        }

        if (!await PersonalDataAccess.MayRevealAsync(db, scope, c.ClientId, null, ct))
        {
            return Error.Forbidden("customer.reveal_not_allowed");
        }

        var country = await db.Clients.Where(x => x.Id == c.ClientId).Select(x => x.Country).FirstAsync(ct);
        var lines = await db.MobileLines.AsNoTracking().Where(l => l.CustomerId == id).Select(l => l.Number).ToListAsync(ct);
        var document = IdDocument.FromStored(c.DocumentType, c.DocumentNumber, c.DocumentComplement, c.DocumentDepartment, country);
        await audit.AppendAsync(db, c.ClientId, null, nameof(Customer), c.Id.ToString(), AuditAction.PersonalDataRead,
            new { fields = new[] { "document", "phones", "lines" } }, ct);
        return new PersonalData(document.ToString(), c.Phones.Select(p => Display(p.E164, country)).ToList(), lines.Select(l => Display(l, country)).ToList());
    }

    /// <summary>
    /// Whether the caller may reveal personal data of the client's customers, judged in <paramref name="inOperation"/>
    /// when the caller works in it (the page's current operation).
    /// </summary>
    public Task<bool> MayRevealAsync(Guid clientId, Guid? inOperation, CancellationToken ct) =>
        PersonalDataAccess.MayRevealAsync(db, scope, clientId, inOperation, ct);

    private static string Display(string e164, Platform.Country country)
    {
        var parsed = PhoneNumber.Parse(e164, country);
        return parsed.IsSuccess ? $"{parsed.Value!.Display} ({parsed.Value.E164})" : e164;
    }
}

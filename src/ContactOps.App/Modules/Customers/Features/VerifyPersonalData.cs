using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

/// <summary>What the customer says: a document number and/or a phone, as typed (any format the product reads).</summary>
public sealed record VerifyPersonalDataRequest(string? Document, string? Phone);

/// <summary>Whether each value asked about matches the customer's: true / false, null when it was not asked.</summary>
public sealed record PersonalDataCheck(bool? Document, bool? Phone);

/// <summary>
/// Verify instead of reveal: the agent types what the customer says and learns only whether it matches, never the
/// number. The document is read as the customer's document type in the client's country (<see cref="IdDocument"/>);
/// the phone as a number of the client's country (<see cref="PhoneNumber"/>) and matches any of the customer's phones
/// or mobile lines. Whoever sees the customer may verify; each verification is appended to the audit trail (which
/// fields, the outcome, never the typed value) and counted by <see cref="VerifyThrottle"/> (429 past the limit).
/// </summary>
public sealed class VerifyPersonalData(AppDbContext db, AuditLog audit, AccessScope scope, VerifyThrottle throttle, VerifyLimits limits)
{
    public async Task<Result<PersonalDataCheck>> HandleAsync(Guid id, VerifyPersonalDataRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = string.IsNullOrWhiteSpace(request.Document) ? null : request.Document.Trim();
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (document is null && phone is null)
        {
            return Error.Validation("customer.verify_empty");
        }

        // Counted before anything is looked up: every try, on any customer, spends one.
        if (!throttle.TryAcquire(limits, scope.UserId ?? scope.ApiKeyId ?? Guid.Empty))
        {
            return Error.TooManyRequests("customer.verify_too_many", limits.WindowSeconds);
        }

        var c = await db.Customers.AsNoTracking().Include(x => x.Phones).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("customer.not_found");
        }

        var country = await db.Clients.Where(x => x.Id == c.ClientId).Select(x => x.Country).FirstAsync(ct);
        bool? documentMatches = null;
        if (document is not null)
        {
            var typed = IdDocument.Create(c.DocumentType, document, country);
            if (!typed.IsSuccess)
            {
                return Error.Invalid("document", "customer.verify_invalid_document", typed.Error!.Message);
            }

            var d = typed.Value!;
            documentMatches = d.Number == c.DocumentNumber
                && d.Complement == c.DocumentComplement
                && (d.Department is null || c.DocumentDepartment is null || d.Department == c.DocumentDepartment);
        }

        bool? phoneMatches = null;
        if (phone is not null)
        {
            var typed = PhoneNumber.Parse(phone, country);
            if (!typed.IsSuccess)
            {
                return Error.Invalid("phone", "customer.verify_invalid_phone", typed.Error!.Message);
            }

            var e164 = typed.Value!.E164;
            phoneMatches = c.Phones.Any(p => p.E164 == e164)
                || await db.MobileLines.AsNoTracking().AnyAsync(l => l.CustomerId == id && l.Number == e164, ct);
        }

        var details = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (documentMatches is { } dm)
        {
            details["documentMatches"] = dm;
        }

        if (phoneMatches is { } pm)
        {
            details["phoneMatches"] = pm;
        }

        await audit.AppendAsync(db, c.ClientId, null, nameof(Customer), c.Id.ToString(), AuditAction.PersonalDataVerified, details, ct);
        return new PersonalDataCheck(documentMatches, phoneMatches);
    }
}

using ContactOps.Platform;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;
using ContactOps.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

/// <summary>
/// A new customer, as an agent takes it down on a call. <c>Operation</c> (code) gives the client and the caller's
/// role; the document is read for the client's country; at least one phone. <c>ConfirmSharedPhone</c> confirms a phone
/// that another customer of the client already has (a household's landline).
/// </summary>
public sealed record CreateCustomerRequest(
    string? Operation, string? DocumentType, string? DocumentNumber, string? FirstNames, string? LastNames, string? Phone,
    string? Email = null, bool? ConfirmSharedPhone = null);

public sealed record CreatedCustomer(Guid Id, Guid ClientId, string FullName);

/// <summary>
/// Creates a customer of the operation's client, with the duplicate checks an agent needs: the same document is the same
/// customer (409 <c>customer.duplicate_document</c>, with its id, to identify that one instead); a phone another customer
/// already has asks for confirmation (409 <c>customer.phone_in_use</c> naming them) unless confirmed. Audited as any write.
/// </summary>
public sealed class CreateCustomer(AppDbContext db, AccessScope scope)
{
    /// <summary>Who takes customers down: everyone who serves them or loads them, not the quality analysts.</summary>
    public static readonly Role[] Roles = [Role.Agent, Role.BackOffice, Role.Supervisor, Role.Coordinator, Role.Manager, Role.DataMarshall, Role.Admin];

    public async Task<Result<CreatedCustomer>> HandleAsync(CreateCustomerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Operation))
        {
            return Error.Invalid("operation", "customer.operation_required");
        }

        var code = request.Operation.Trim();
        var op = await db.Operations.AsNoTracking().Where(o => o.Code == code).Select(o => new { o.Id, o.ClientId }).FirstOrDefaultAsync(ct);
        if (op is null)
        {
            return Error.NotFound("customer.operation_not_found", code);
        }

        if (!scope.HasRole(op.Id, Roles))
        {
            return Error.Forbidden("customer.cannot_create");
        }

        var country = await db.Clients.Where(c => c.Id == op.ClientId).Select(c => c.Country).FirstAsync(ct);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        IdDocument? document = null;
        var type = IdDocument.ParseType(request.DocumentType, country);
        if (!type.IsSuccess)
        {
            fields["documentType"] = [type.Error!.Message];
        }
        else
        {
            var parsed = IdDocument.Create(type.Value, request.DocumentNumber, country);
            if (parsed.IsSuccess)
            {
                document = parsed.Value;
            }
            else
            {
                fields["documentNumber"] = [parsed.Error!.Message];
            }
        }

        var first = Collapse(request.FirstNames);
        var last = Collapse(request.LastNames);
        if (first.Length == 0)
        {
            fields["firstNames"] = [Platform.Localization.Messages.Text("Field.CreateCustomer.firstNames")];
        }

        if (first.Length > 120 || last.Length > 120)
        {
            fields[first.Length > 120 ? "firstNames" : "lastNames"] = [Platform.Localization.Messages.Text("Field.CreateCustomer.nameTooLong")];
        }

        PhoneNumber? phone = null;
        if (string.IsNullOrWhiteSpace(request.Phone))
        {
            fields["phone"] = [Platform.Localization.Messages.Text("Field.CreateCustomer.phone")];
        }
        else
        {
            var parsed = PhoneNumber.Parse(request.Phone, country);
            if (parsed.IsSuccess)
            {
                phone = parsed.Value;
            }
            else
            {
                fields["phone"] = [parsed.Error!.Message];
            }
        }

        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            fields["email"] = [Platform.Localization.Messages.Text("Field.CreateCustomer.email")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var doc = document!;
        var same = await db.Customers.AsNoTracking()
            .Where(c => c.ClientId == op.ClientId && c.DocumentType == doc.Type && c.DocumentNumber == doc.Number)
            .Select(c => new { c.Id, c.FirstNames, c.LastNames }).FirstOrDefaultAsync(ct);
        if (same is not null)
        {
            return Error.Conflict("customer.duplicate_document", (same.FirstNames + " " + same.LastNames).Trim()) with { Data = new Dictionary<string, object?> { ["customerId"] = same.Id } };
        }

        if (request.ConfirmSharedPhone != true)
        {
            var holder = await db.CustomerPhones.AsNoTracking().Where(p => p.ClientId == op.ClientId && p.E164 == phone!.E164)
                .Join(db.Customers.AsNoTracking(), p => p.CustomerId, c => c.Id, (p, c) => new { c.Id, c.FirstNames, c.LastNames })
                .FirstOrDefaultAsync(ct);
            if (holder is not null)
            {
                return Error.Conflict("customer.phone_in_use", (holder.FirstNames + " " + holder.LastNames).Trim()) with { Data = new Dictionary<string, object?> { ["customerId"] = holder.Id } };
            }
        }

        var customer = new Customer(op.ClientId, doc, first, last);
        customer.AddPhone(phone!);
        if (email is not null)
        {
            customer.AddEmail(email);
        }

        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone created the same document a moment ago (the unique index on client, type, number).
            return Error.Conflict("customer.duplicate_document", (first + " " + last).Trim());
        }

        return new CreatedCustomer(customer.Id, customer.ClientId, customer.FullName);
    }

    private static string Collapse(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

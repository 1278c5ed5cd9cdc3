using ContactOps.Modules.Organization;
using ContactOps.Platform.Audit;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Customers.Features;

public sealed record PhoneView(string Masked, string Kind, bool IsPrimary);

public sealed record AccountView(Guid Id, string AccountNumber, AccountStatus Status, bool InArrears, bool FinalNotice, string? PremiseAddress);

public sealed record LineView(Guid Id, string NumberMasked, LinePlan Plan, LineStatus Status);

public sealed record PremiseView(Guid Id, string Address, string? City, string? BuildingAccount, PremiseStatus Status);

public sealed record HistoryView(DateTimeOffset At, string UserName, string Action, string Entity, string? Changes);

/// <summary>Everything known of one customer, personal data masked.</summary>
public sealed record Customer360(
    Guid Id,
    Guid ClientId,
    string ClientName,
    string Country,
    string FirstNames,
    string LastNames,
    string DocumentType,
    string DocumentMasked,
    IReadOnlyList<PhoneView> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Addresses,
    IReadOnlyDictionary<string, string>? Attributes,
    IReadOnlyList<AccountView> Accounts,
    IReadOnlyList<LineView> Lines,
    IReadOnlyList<PremiseView> Premises,
    IReadOnlyList<HistoryView> History,
    DateTimeOffset CreatedAt)
{
    /// <summary>Display names of the ids the history's changes hold (users, customers, operations, clients): id → name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
}

/// <summary>The customer's 360° view. A customer of a client the caller does not work for does not exist (404).</summary>
public sealed class GetCustomer360(AppDbContext db)
{
    public async Task<Result<Customer360>> HandleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().AsSplitQuery()
            .Include(x => x.Phones).Include(x => x.Addresses)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("customer.not_found");
        }

        var client = await db.Clients.AsNoTracking().FirstAsync(x => x.Id == c.ClientId, ct);
        var premises = await db.Premises.AsNoTracking().Where(p => p.CustomerId == id).OrderBy(p => p.Address).ToListAsync(ct);
        var accounts = await db.HomeAccounts.AsNoTracking().Where(a => a.CustomerId == id).OrderBy(a => a.AccountNumber).ToListAsync(ct);
        var lines = await db.MobileLines.AsNoTracking().Where(l => l.CustomerId == id).OrderBy(l => l.Number).ToListAsync(ct);
        var idText = id.ToString();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == nameof(Customer) && e.EntityId == idText)
            .OrderByDescending(e => e.Id).Take(50)
            .Select(e => new HistoryView(e.At, e.UserName, e.Action.ToString(), e.Entity, e.Action == AuditAction.PersonalDataRead || e.Action == AuditAction.PersonalDataVerified ? null : e.Changes))
            .ToListAsync(ct);
        history = history.Select(h => h with { Changes = PersonalDataRedaction.MaskChanges(h.Changes) }).ToList();
        var names = await NamesAsync(history, ct);

        var document = IdDocument.FromStored(c.DocumentType, c.DocumentNumber, c.DocumentComplement, c.DocumentDepartment, client.Country);
        var premiseById = premises.ToDictionary(p => p.Id);
        Dictionary<string, string>? attributes = null;
        if (!string.IsNullOrEmpty(c.Attributes))
        {
            attributes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(c.Attributes);
        }

        return new Customer360(
            c.Id, c.ClientId, client.Name, client.Country.ToString(), c.FirstNames, c.LastNames,
            c.DocumentType.ToString(), document.Masked,
            c.Phones.OrderByDescending(p => p.IsPrimary).Select(p => new PhoneView(Mask(p.E164, client.Country), p.Kind.ToString(), p.IsPrimary)).ToList(),
            c.Emails,
            c.Addresses.Select(a => string.Join(", ", new[] { a.Line, a.City, a.Department }.Where(s => !string.IsNullOrEmpty(s)))).ToList(),
            attributes,
            accounts.Select(a => new AccountView(a.Id, a.AccountNumber, a.Status, a.InArrears, a.FinalNotice, a.PremiseId is { } pid && premiseById.TryGetValue(pid, out var p) ? p.Address : null)).ToList(),
            lines.Select(l => new LineView(l.Id, Mask(l.Number, client.Country), l.Plan, l.Status)).ToList(),
            premises.Select(p => new PremiseView(p.Id, p.Address, p.City, p.BuildingAccount, p.Status)).ToList(),
            history,
            c.CreatedAt)
        {
            Names = names,
        };
    }

    private static readonly System.Text.RegularExpressions.Regex GuidPattern =
        new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The ids the history's changes mention, named: a user by display name, a customer by name, an operation or client by name.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyList<HistoryView> history, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var h in history.Where(h => h.Changes is not null))
        {
            foreach (System.Text.RegularExpressions.Match m in GuidPattern.Matches(h.Changes!))
            {
                ids.Add(Guid.Parse(m.Value));
            }
        }

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ids.Count == 0)
        {
            return names;
        }

        var list = ids.ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
        {
            names[u.Id.ToString()] = string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName;
        }

        foreach (var x in await db.Customers.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.FirstNames, x.LastNames }).ToListAsync(ct))
        {
            names[x.Id.ToString()] = (x.FirstNames + " " + x.LastNames).Trim();
        }

        foreach (var o in await db.Operations.AsNoTracking().Where(o => list.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        {
            names[o.Id.ToString()] = o.Name;
        }

        foreach (var x in await db.Clients.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
        {
            names[x.Id.ToString()] = x.Name;
        }

        return names;
    }

    internal static string Mask(string e164, Platform.Country country)
    {
        var parsed = PhoneNumber.Parse(e164, country);
        return parsed.IsSuccess ? parsed.Value!.Masked : "****";
    }
}

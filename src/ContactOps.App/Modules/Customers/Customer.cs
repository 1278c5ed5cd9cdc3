using ContactOps.Platform;
using ContactOps.Platform.Audit;

namespace ContactOps.Modules.Customers;

/// <summary>The carrier's end customer (suscriptor, titular). Belongs to one client.</summary>
public sealed class Customer : IAuditable, IStamped
{
    private readonly List<CustomerPhone> _phones = [];
    private readonly List<CustomerAddress> _addresses = [];

    private Customer()
    {
    }

    public Customer(Guid clientId, IdDocument document, string firstNames, string lastNames)
    {
        Id = Ids.New();
        ClientId = clientId;
        SetDocument(document);
        Rename(firstNames, lastNames);
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public DocumentType DocumentType { get; private set; }

    /// <summary>Normalised number (digits, or upper-case alphanumerics for CE/PA; NIT without its check digit).</summary>
    public string DocumentNumber { get; private set; } = "";

    /// <summary>Bolivian CI complement (duplicates), e.g. "1A".</summary>
    public string? DocumentComplement { get; private set; }

    /// <summary>Bolivian CI issuing department code, e.g. LP.</summary>
    public string? DocumentDepartment { get; private set; }

    public string FirstNames { get; private set; } = "";

    public string LastNames { get; private set; } = "";

    /// <summary>Upper-case, accent-free "FIRST LAST" for searching by name on both database engines.</summary>
    public string SearchName { get; private set; } = "";

    public List<string> Emails { get; private set; } = [];

    /// <summary>Columns of imported files that map to no field, kept as they came (JSON object).</summary>
    public string? Attributes { get; private set; }

    public IReadOnlyList<CustomerPhone> Phones => _phones;

    public IReadOnlyList<CustomerAddress> Addresses => _addresses;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IAuditable.AuditClientId => ClientId;

    Guid? IAuditable.AuditOperationId => null;

    public string FullName => string.Join(' ', new[] { FirstNames, LastNames }.Where(s => s.Length > 0));

    public void SetDocument(IdDocument document)
    {
        DocumentType = document.Type;
        DocumentNumber = document.Number;
        DocumentComplement = document.Complement;
        DocumentDepartment = document.Department;
    }

    public void Rename(string firstNames, string lastNames)
    {
        FirstNames = firstNames.Trim();
        LastNames = lastNames.Trim();
        SearchName = TextSearch.Normalize(FullName);
    }

    public bool AddPhone(PhoneNumber phone)
    {
        if (_phones.Exists(p => p.E164 == phone.E164))
        {
            return false;
        }

        _phones.Add(new CustomerPhone(this, phone, isPrimary: _phones.Count == 0));
        return true;
    }

    public bool RemovePhone(string e164) => _phones.RemoveAll(p => p.E164 == e164) > 0;

    public bool AddEmail(string email)
    {
        var e = email.Trim().ToLowerInvariant();
        if (e.Length == 0 || Emails.Contains(e))
        {
            return false;
        }

        Emails = [.. Emails, e];
        return true;
    }

    public void AddAddress(string line, string? city, string? department) =>
        _addresses.Add(new CustomerAddress(this, line, city, department));

    public void SetAttributes(string? json) => Attributes = json;
}

/// <summary>A customer's phone, normalised to E.164.</summary>
public sealed class CustomerPhone : IAuditChild
{
    private CustomerPhone()
    {
    }

    internal CustomerPhone(Customer customer, PhoneNumber phone, bool isPrimary)
    {
        Id = Ids.New();
        CustomerId = customer.Id;
        ClientId = customer.ClientId;
        E164 = phone.E164;
        Kind = phone.Kind;
        IsPrimary = isPrimary;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>Copied from the customer so phone search is scoped without a join.</summary>
    public Guid ClientId { get; private set; }

    public string E164 { get; private set; } = "";

    public PhoneKind Kind { get; private set; }

    public bool IsPrimary { get; private set; }

    Guid IAuditChild.AuditParentId => CustomerId;

    string IAuditChild.AuditParentType => nameof(Customer);

    Guid? IAuditChild.AuditClientId => ClientId;

    Guid? IAuditChild.AuditOperationId => null;
}

public sealed class CustomerAddress : IAuditChild
{
    private CustomerAddress()
    {
    }

    internal CustomerAddress(Customer customer, string line, string? city, string? department)
    {
        Id = Ids.New();
        CustomerId = customer.Id;
        ClientId = customer.ClientId;
        Line = line.Trim();
        City = city?.Trim();
        Department = department?.Trim();
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid ClientId { get; private set; }

    public string Line { get; private set; } = "";

    public string? City { get; private set; }

    public string? Department { get; private set; }

    Guid IAuditChild.AuditParentId => CustomerId;

    string IAuditChild.AuditParentType => nameof(Customer);

    Guid? IAuditChild.AuditClientId => ClientId;

    Guid? IAuditChild.AuditOperationId => null;
}

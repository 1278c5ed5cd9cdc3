using System.Text.Json;
using ContactOps.Platform;
using ContactOps.Platform.Files;
using static ContactOps.Modules.Customers.CustomerFileColumns;

namespace ContactOps.Modules.Customers;

/// <summary>One accepted row of a customers file, normalised and ready to stage.</summary>
public sealed class CustomerRow
{
    public long Line { get; set; }

    public IdDocument Document { get; set; } = null!;

    public string FirstNames { get; set; } = "";

    public string LastNames { get; set; } = "";

    public string SearchName { get; set; } = "";

    /// <summary>The name's words (<see cref="TextSearch.Tokens"/>) as a JSON array, staged for the name-token table.</summary>
    public string NameTokens { get; set; } = "[]";

    public string? Email { get; set; }

    public string? Attributes { get; set; }

    public List<PhoneNumber> Phones { get; } = [];

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? AddressDepartment { get; set; }

    public string? Account { get; set; }

    public AccountStatus AccountStatus { get; set; }

    public string? MobileLine { get; set; }

    public LinePlan Plan { get; set; }
}

/// <summary>Validates and normalises the current record of a customers file (one instance per import; reuses its row object).</summary>
public sealed class CustomerRowParser(ColumnMap map, Country country, string? defaultAreaCode)
{
    private readonly CustomerRow _row = new();
    private readonly int _documentType = map.IndexOf(CustomerFileColumns.DocumentType);
    private readonly int _document = map.IndexOf(Document);
    private readonly int _complement = map.IndexOf(Complement);
    private readonly int _department = map.IndexOf(Department);
    private readonly int _first = map.IndexOf(FirstNames);
    private readonly int _last = map.IndexOf(LastNames);
    private readonly int _full = map.IndexOf(FullName);
    private readonly IReadOnlyList<int> _phones = map.IndexesOf(Phones);
    private readonly int _email = map.IndexOf(Email);
    private readonly int _address = map.IndexOf(Address);
    private readonly int _city = map.IndexOf(City);
    private readonly int _account = map.IndexOf(Account);
    private readonly int _accountStatus = map.IndexOf(CustomerFileColumns.AccountStatus);
    private readonly int _line = map.IndexOf(Line);
    private readonly int _plan = map.IndexOf(Plan);

    /// <summary>Phone columns of the file: the most phones a row can have.</summary>
    public int MaxPhones => _phones.Count;

    /// <summary>Parses the reader's current record: the row, or why it is rejected.</summary>
    public (CustomerRow? Row, RejectedRow? Rejection) Parse(ITabularReader reader) => Parse(reader, _row);

    /// <summary>Parses the reader's current record into <paramref name="row"/> (overwritten): the row, or why it is rejected.</summary>
    public (CustomerRow? Row, RejectedRow? Rejection) Parse(ITabularReader reader, CustomerRow row)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        var lineNumber = reader.LineNumber;
        if (RejectedRow.FromRowError(reader) is { } malformed)
        {
            return (null, malformed);
        }

        RejectedRow Reject(string field, string reason) => new(lineNumber, reason, field);

        var number = Get(reader, _document);
        if (number.Length == 0)
        {
            return (null, Reject(Document, "Falta el número de documento."));
        }

        var typeText = Get(reader, _documentType);
        Customers.DocumentType type;
        if (typeText.Length == 0)
        {
            type = country == Country.BO ? Customers.DocumentType.CI : Customers.DocumentType.CC;
        }
        else
        {
            var parsedType = IdDocument.ParseType(typeText, country);
            if (!parsedType.IsSuccess)
            {
                return (null, Reject(CustomerFileColumns.DocumentType, parsedType.Error!.Message));
            }

            type = parsedType.Value;
        }

        // In Colombian files "departamento" is the address's department; the issuing department is Bolivian CI only.
        var departmentText = Get(reader, _department);
        var documentDepartment = type == Customers.DocumentType.CI ? NullIfEmpty(departmentText) : null;
        var document = IdDocument.Create(type, number, country, NullIfEmpty(Get(reader, _complement)), documentDepartment);
        if (!document.IsSuccess)
        {
            return (null, Reject(Document, document.Error!.Message));
        }

        row.Line = lineNumber;
        row.Document = document.Value!;

        var first = Get(reader, _first);
        var last = Get(reader, _last);
        if (first.Length == 0 && last.Length == 0)
        {
            (first, last) = SplitFullName(Get(reader, _full));
        }

        first = Collapse(first);
        last = Collapse(last);
        if (first.Length > 120 || last.Length > 120)
        {
            return (null, Reject(FirstNames, "El nombre o los apellidos superan 120 caracteres."));
        }

        row.FirstNames = first;
        row.LastNames = last;
        row.SearchName = TextSearch.Normalize(first.Length == 0 ? last : last.Length == 0 ? first : first + " " + last);
        row.NameTokens = TokensJson(row.SearchName);

        row.Phones.Clear();
        foreach (var index in _phones)
        {
            var raw = reader.GetField(index);
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var phone = PhoneNumber.Parse(raw, country, defaultAreaCode);
            if (!phone.IsSuccess)
            {
                return (null, Reject(map.Headers[index], $"Teléfono «{raw.Trim()}»: {phone.Error!.Message}"));
            }

            if (!row.Phones.Exists(p => p.E164 == phone.Value!.E164))
            {
                row.Phones.Add(phone.Value!);
            }
        }

        var email = Get(reader, _email).ToLowerInvariant();
        if (email.Length > 0 && !LooksLikeEmail(email))
        {
            return (null, Reject(Email, $"El correo «{email}» no es válido."));
        }

        row.Email = NullIfEmpty(email);

        var address = Collapse(Get(reader, _address));
        var city = Collapse(Get(reader, _city));
        if (address.Length > 300 || city.Length > 120 || departmentText.Length > 120)
        {
            return (null, Reject(Address, "La dirección (máximo 300 caracteres) o la ciudad (máximo 120) es demasiado larga."));
        }

        row.Address = NullIfEmpty(address);
        row.City = NullIfEmpty(city);
        row.AddressDepartment = documentDepartment is null ? NullIfEmpty(departmentText) : null;

        var account = Get(reader, _account);
        if (account.Length > 40)
        {
            return (null, Reject(Account, "El número de cuenta supera 40 caracteres."));
        }

        row.Account = NullIfEmpty(account);
        var status = ParseAccountStatus(Get(reader, _accountStatus));
        if (status is null)
        {
            return (null, Reject(CustomerFileColumns.AccountStatus, $"Estado de cuenta «{Get(reader, _accountStatus)}» no reconocido (activa, cancelada con deuda, cancelada, cancelada con saldo a favor, castigada)."));
        }

        row.AccountStatus = status.Value;

        var lineText = Get(reader, _line);
        row.MobileLine = null;
        if (lineText.Length > 0)
        {
            var line = PhoneNumber.Parse(lineText, country, defaultAreaCode);
            if (!line.IsSuccess)
            {
                return (null, Reject(Line, $"Línea «{lineText}»: {line.Error!.Message}"));
            }

            row.MobileLine = line.Value!.E164;
        }

        var plan = ParsePlan(Get(reader, _plan));
        if (plan is null)
        {
            return (null, Reject(Plan, $"Plan «{Get(reader, _plan)}» no reconocido (prepago o postpago)."));
        }

        row.Plan = plan.Value;

        row.Attributes = null;
        if (map.Attributes.Count > 0)
        {
            Dictionary<string, string>? attributes = null;
            foreach (var column in map.Attributes)
            {
                var value = reader.GetField(column.Index);
                if (value.Length > 0)
                {
                    (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[column.Header] = value;
                }
            }

            if (attributes is not null)
            {
                row.Attributes = JsonSerializer.Serialize(attributes);
                if (row.Attributes.Length > 4000)
                {
                    return (null, Reject("atributos", "Las columnas adicionales superan 4000 caracteres en total."));
                }
            }
        }

        return (row, null);
    }

    /// <summary>"María Fernanda Rodríguez Peña" → ("María Fernanda", "Rodríguez Peña"): two words → 1+1, three → 1+2, more → 2+rest.</summary>
    public static (string First, string Last) SplitFullName(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var firstCount = words.Length switch
        {
            0 => 0,
            1 => 1,
            2 or 3 => 1,
            _ => 2,
        };
        return (string.Join(' ', words[..firstCount]), string.Join(' ', words[firstCount..]));
    }

    private static string Get(ITabularReader reader, int index) => index < 0 ? string.Empty : reader.GetField(index).Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Collapse(string value) =>
        value.Contains("  ", StringComparison.Ordinal) ? string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : value;

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.') && !email.Contains(' ', StringComparison.Ordinal);
    }

    private static AccountStatus? ParseAccountStatus(string text)
    {
        var key = HeaderNormalizer.Normalize(text);
        return key switch
        {
            "" or "activa" or "activo" or "active" => Customers.AccountStatus.Active,
            "canceladacondeuda" or "canceladadeuda" or "canceladaconmora" or "cancelledowing" => Customers.AccountStatus.CancelledOwing,
            "cancelada" or "cancelado" or "cancelled" or "canceled" => Customers.AccountStatus.Cancelled,
            "canceladaconsaldoafavor" or "canceladasaldoafavor" or "canceladaconsaldo" or "cancelledcredit" => Customers.AccountStatus.CancelledCredit,
            "castigada" or "castigado" or "writtenoff" => Customers.AccountStatus.WrittenOff,
            _ => null,
        };
    }

    private static LinePlan? ParsePlan(string text) => HeaderNormalizer.Normalize(text) switch
    {
        "" or "prepago" or "prepaid" or "pre" => LinePlan.Prepaid,
        "postpago" or "postpaid" or "pospago" or "post" => LinePlan.Postpaid,
        _ => null,
    };

    /// <summary>Letters and digits only, so each token goes between quotes as it is.</summary>
    private static string TokensJson(string searchName)
    {
        var tokens = TextSearch.Tokens(searchName);
        return tokens.Count == 0 ? "[]" : "[\"" + string.Join("\",\"", tokens) + "\"]";
    }
}

using System.Globalization;
using System.Text;
using ContactOps.Platform;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Customers;

/// <summary>
/// A customer's identity document, validated and normalised for its country. Only <see cref="Create"/>
/// builds one, so every instance is valid.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>CC: 3–10 digits, no leading zero; dots, commas and spaces ignored.</item>
/// <item>TI: 10–11 digits (old TIs began with the birth year, so a leading zero is allowed).</item>
/// <item>CE: 3–15 letters/digits (Migración Colombia has issued numeric and alphanumeric ones), at least one digit.</item>
/// <item>PA: 5–20 letters/digits, at least one digit (rejects fillers such as "NO TIENE").</item>
/// <item>NIT (Colombia): base of 3–15 digits plus the DIAN check digit, which must match. Written
///   "900123456-7", "900.123.456-7" or as 10 digits whose last one is the check digit; without a dash any
///   other length is ambiguous and rejected. <see cref="Number"/> holds the base, <see cref="CheckDigit"/> the digit.</item>
/// <item>NIT (Bolivia): 5–13 digits; the SIN publishes no check-digit rule, so none is applied.</item>
/// <item>CI (Bolivia): 4–10 digits, no leading zero, optional 2-character complement for duplicated
///   numbers and optional issuing department. Both may come inside the number ("1234567-1A LP",
///   "1234567 La Paz", "1234567-LP") or in their own arguments; if both are given they must agree.</item>
/// </list>
/// </remarks>
public sealed record IdDocument
{
    private static readonly int[] NitWeights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

    /// <summary>Folded (no accents, no punctuation, upper-case, no spaces) department names and codes → code.</summary>
    private static readonly Dictionary<string, string> Departments = new(StringComparer.Ordinal)
    {
        ["LP"] = "LP", ["LAPAZ"] = "LP",
        ["CB"] = "CB", ["CBBA"] = "CB", ["COCHABAMBA"] = "CB",
        ["SC"] = "SC", ["SCZ"] = "SC", ["SANTACRUZ"] = "SC",
        ["OR"] = "OR", ["ORURO"] = "OR",
        ["PT"] = "PT", ["PO"] = "PT", ["POTOSI"] = "PT",
        ["CH"] = "CH", ["CHUQUISACA"] = "CH",
        ["TJ"] = "TJ", ["TARIJA"] = "TJ",
        ["BE"] = "BE", ["BN"] = "BE", ["BENI"] = "BE",
        ["PD"] = "PD", ["PANDO"] = "PD",
    };

    /// <summary>Folded type names → type. "CEDULA" alone is resolved per country (CC in Colombia, CI in Bolivia).</summary>
    private static readonly Dictionary<string, DocumentType> TypeNames = new(StringComparer.Ordinal)
    {
        ["CC"] = DocumentType.CC,
        ["CEDULADECIUDADANIA"] = DocumentType.CC,
        ["CEDULACIUDADANIA"] = DocumentType.CC,
        ["CE"] = DocumentType.CE,
        ["CEDULADEEXTRANJERIA"] = DocumentType.CE,
        ["CEDULAEXTRANJERIA"] = DocumentType.CE,
        ["NIT"] = DocumentType.NIT,
        ["NUMERODEIDENTIFICACIONTRIBUTARIA"] = DocumentType.NIT,
        ["PA"] = DocumentType.PA,
        ["PP"] = DocumentType.PA,
        ["PASAPORTE"] = DocumentType.PA,
        ["TI"] = DocumentType.TI,
        ["TARJETADEIDENTIDAD"] = DocumentType.TI,
        ["TARJETAIDENTIDAD"] = DocumentType.TI,
        ["CI"] = DocumentType.CI,
        ["CARNET"] = DocumentType.CI,
        ["CARNE"] = DocumentType.CI,
        ["CARNETDEIDENTIDAD"] = DocumentType.CI,
        ["CARNEDEIDENTIDAD"] = DocumentType.CI,
        ["CEDULADEIDENTIDAD"] = DocumentType.CI,
        ["CEDULAIDENTIDAD"] = DocumentType.CI,
    };

    private IdDocument(DocumentType type, Country country, string number, int? checkDigit, string? complement, string? department)
    {
        Type = type;
        Country = country;
        Number = number;
        CheckDigit = checkDigit;
        Complement = complement;
        Department = department;
    }

    public DocumentType Type { get; }

    public Country Country { get; }

    /// <summary>Normalised number: digits only (CC, TI, NIT without check digit, CI) or upper-case letters/digits (CE, PA).</summary>
    public string Number { get; }

    /// <summary>DIAN check digit (dígito de verificación) of a Colombian NIT; null otherwise.</summary>
    public int? CheckDigit { get; }

    /// <summary>Bolivian CI complement for duplicated numbers, e.g. "1A"; null when absent.</summary>
    public string? Complement { get; }

    /// <summary>Bolivian CI issuing department code (LP, CB, SC, OR, PT, CH, TJ, BE, PD); null when absent.</summary>
    public string? Department { get; }

    /// <summary>
    /// <see cref="Number"/> with all but the last four characters hidden ("******4567"). At least three
    /// characters always stay hidden, so short numbers show fewer: "123456" → "***456", "123" → "***".
    /// </summary>
    public string Masked => IdentityText.Mask(Number, Math.Clamp(Number.Length - 3, 0, 4));

    /// <summary>Whether a document type is used in a country.</summary>
    public static bool IsAllowed(DocumentType type, Country country) => (country, type) switch
    {
        (Country.CO, DocumentType.CC or DocumentType.CE or DocumentType.NIT or DocumentType.PA or DocumentType.TI) => true,
        (Country.BO, DocumentType.CI or DocumentType.NIT) => true,
        _ => false,
    };

    /// <summary>
    /// Parses a document type from a code or a Spanish name ("CC", "C.C.", "cédula de ciudadanía",
    /// "pasaporte", "carnet de identidad"…), ignoring accents, case and punctuation. Types not used in the
    /// country are rejected.
    /// </summary>
    public static Result<DocumentType> ParseType(string? raw, Country country)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Error.Validation("document.type_required");
        }

        var key = IdentityText.Compact(raw);
        DocumentType type;
        if (key == "CEDULA")
        {
            type = country == Country.BO ? DocumentType.CI : DocumentType.CC;
        }
        else if (!TypeNames.TryGetValue(key, out type))
        {
            return Error.Validation("document.type_unknown", raw.Trim(), AllowedList(country));
        }

        return IsAllowed(type, country) ? type : TypeNotAllowed(type, country);
    }

    /// <summary>Validates and normalises a document number for its type and country.</summary>
    /// <param name="type">Document type; must be used in <paramref name="country"/>.</param>
    /// <param name="number">The number as written (separators and, for CI, complement/department allowed).</param>
    /// <param name="country">The client's country.</param>
    /// <param name="complement">Bolivian CI only: the duplicate complement, e.g. "1A".</param>
    /// <param name="department">Bolivian CI only: the department code or name, e.g. "LP" or "La Paz".</param>
    public static Result<IdDocument> Create(
        DocumentType type,
        string? number,
        Country country,
        string? complement = null,
        string? department = null)
    {
        if (country is not (Country.CO or Country.BO))
        {
            return Error.Validation("document.unsupported_country");
        }

        if (!Enum.IsDefined(type))
        {
            return Error.Validation("document.type_unknown#2", AllowedList(country));
        }

        if (!IsAllowed(type, country))
        {
            return TypeNotAllowed(type, country);
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            return Error.Validation("document.required", TypeName(type));
        }

        if (type != DocumentType.CI)
        {
            if (!string.IsNullOrWhiteSpace(complement))
            {
                return Error.Validation("document.complement_not_allowed");
            }

            if (!string.IsNullOrWhiteSpace(department))
            {
                return Error.Validation("document.department_not_allowed");
            }
        }

        return type switch
        {
            DocumentType.CC => Digits(type, country, number, min: 3, max: 10, leadingZeroAllowed: false),
            DocumentType.TI => Digits(type, country, number, min: 10, max: 11, leadingZeroAllowed: true),
            DocumentType.CE => Alphanumeric(type, number, min: 3, max: 15),
            DocumentType.PA => Alphanumeric(type, number, min: 5, max: 20),
            DocumentType.NIT when country == Country.CO => ColombianNit(number),
            DocumentType.NIT => Digits(type, country, number, min: 5, max: 13, leadingZeroAllowed: false),
            _ => BolivianCi(number, complement, department),
        };
    }

    /// <summary>
    /// Rebuilds a document from parts saved after <see cref="Create"/> (e.g. an entity's columns). No
    /// validation is repeated. The Colombian NIT check digit is not stored: it is recomputed from the number.
    /// </summary>
    /// <param name="country">
    /// The client's country. When null it is inferred from the type (CI → Bolivia, CC/CE/PA/TI → Colombia)
    /// and a NIT is taken as Colombian, so callers holding Bolivian NITs must pass it.
    /// </param>
    public static IdDocument FromStored(DocumentType type, string number, string? complement, string? department, Country? country = null)
    {
        var resolved = country ?? (type == DocumentType.CI ? Country.BO : Country.CO);
        int? checkDigit = type == DocumentType.NIT && resolved == Country.CO
            && number.Length is > 0 and <= 15 && number.All(char.IsAsciiDigit)
            ? NitCheckDigit(number)
            : null;
        return new IdDocument(type, resolved, number, checkDigit, complement, department);
    }

    /// <summary>"CC 1020304050", "NIT 900123456-7", "CI 1234567-1A LP".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Type.ToString()).Append(' ').Append(Number);
        if (CheckDigit is { } dv)
        {
            text.Append('-').Append(dv.ToString(CultureInfo.InvariantCulture));
        }

        if (Complement is not null)
        {
            text.Append('-').Append(Complement);
        }

        if (Department is not null)
        {
            text.Append(' ').Append(Department);
        }

        return text.ToString();
    }

    /// <summary>
    /// DIAN check digit: weights 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71 applied from the
    /// rightmost digit; r = sum mod 11; the digit is r when r is 0 or 1, otherwise 11 − r.
    /// </summary>
    /// <param name="digits">1 to 15 ASCII digits (the NIT without its check digit).</param>
    internal static int NitCheckDigit(string digits)
    {
        if (digits.Length is 0 || digits.Length > NitWeights.Length || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A NIT base has 1 to 15 ASCII digits.", nameof(digits));
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[digits.Length - 1 - i] - '0') * NitWeights[i];
        }

        var remainder = sum % 11;
        return remainder <= 1 ? remainder : 11 - remainder;
    }

    private static Result<IdDocument> Digits(DocumentType type, Country country, string raw, int min, int max, bool leadingZeroAllowed)
    {
        var digits = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!IsNumberSeparator(c))
            {
                return InvalidCharacters(type, c, lettersAllowed: false);
            }
        }

        var number = digits.ToString();
        var lengthError = CheckLength(type, number, min, max, "dígitos");
        if (lengthError is not null)
        {
            return lengthError;
        }

        if (!leadingZeroAllowed && number[0] == '0')
        {
            return LeadingZero(type);
        }

        return new IdDocument(type, country, number, null, null, null);
    }

    private static Result<IdDocument> Alphanumeric(DocumentType type, string raw, int min, int max)
    {
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToUpperInvariant(c));
            }
            else if (!IsNumberSeparator(c) && !IsDash(c))
            {
                return InvalidCharacters(type, c, lettersAllowed: true);
            }
        }

        var number = text.ToString();
        var lengthError = CheckLength(type, number, min, max, "caracteres");
        if (lengthError is not null)
        {
            return lengthError;
        }

        if (!number.Any(char.IsAsciiDigit))
        {
            return Error.Validation("document.invalid_format", TypeName(type));
        }

        return new IdDocument(type, Country.CO, number, null, null, null);
    }

    private static Result<IdDocument> ColombianNit(string raw)
    {
        var baseDigits = new StringBuilder(raw.Length);
        var checkDigits = new StringBuilder(2);
        var dashes = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                (dashes == 0 ? baseDigits : checkDigits).Append(c);
            }
            else if (IsDash(c))
            {
                dashes++;
            }
            else if (!IsNumberSeparator(c))
            {
                return InvalidCharacters(DocumentType.NIT, c, lettersAllowed: false);
            }
        }

        string number;
        int written;
        if (dashes == 0)
        {
            // Without a dash only the 10-digit company form (9 digits + check digit) is unambiguous.
            if (baseDigits.Length != 10)
            {
                return Error.Validation("document.nit_check_digit_missing");
            }

            number = baseDigits.ToString(0, 9);
            written = baseDigits[9] - '0';
        }
        else
        {
            if (dashes > 1 || checkDigits.Length != 1)
            {
                return Error.Validation("document.invalid_format#2");
            }

            number = baseDigits.ToString();
            written = checkDigits[0] - '0';
        }

        var lengthError = CheckLength(DocumentType.NIT, number, 3, NitWeights.Length, "dígitos (sin el dígito de verificación)");
        if (lengthError is not null)
        {
            return lengthError;
        }

        if (number[0] == '0')
        {
            return LeadingZero(DocumentType.NIT);
        }

        if (NitCheckDigit(number) != written)
        {
            return Error.Validation("document.nit_check_digit_invalid", written, number);
        }

        return new IdDocument(DocumentType.NIT, Country.CO, number, written, null, null);
    }

    private static Result<IdDocument> BolivianCi(string raw, string? complementArgument, string? departmentArgument)
    {
        var text = IdentityText.StripAccentsUpper(raw).Trim();

        // 1. The number: leading digits (dots tolerated).
        var digits = new StringBuilder(text.Length);
        var i = 0;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            if (text[i] != '.')
            {
                digits.Append(text[i]);
            }
        }

        if (digits.Length == 0)
        {
            return CiFormat();
        }

        // 2. Optional complement: a 2-character token after '-' or space. A token with a digit is always a
        //    complement; an all-letter one is a department when the rest reads as one ("1234567-LP").
        string? complement = null;
        string? departmentText = null;
        var sawDash = false;
        for (; i < text.Length && (char.IsWhiteSpace(text[i]) || IsDash(text[i])); i++)
        {
            sawDash |= IsDash(text[i]);
        }

        if (i < text.Length)
        {
            var end = i;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            var token = text[i..end];
            var rest = text[i..];
            if (token.Length == 2 && (token.Any(char.IsAsciiDigit) || (sawDash && !IsDepartment(rest))))
            {
                complement = token;
                rest = text[end..].TrimStart(' ', '\t', '-', ',', '/');
            }

            departmentText = rest.Length == 0 ? null : rest;
        }

        if (departmentText is not null && departmentText.Any(char.IsAsciiDigit))
        {
            return CiFormat();
        }

        // 3. The number itself.
        var number = digits.ToString();
        var lengthError = CheckLength(DocumentType.CI, number, 4, 10, "dígitos");
        if (lengthError is not null)
        {
            return lengthError;
        }

        if (number[0] == '0')
        {
            return LeadingZero(DocumentType.CI);
        }

        // 4. Complement and department from their own arguments; they must agree with the embedded ones.
        if (!string.IsNullOrWhiteSpace(complementArgument))
        {
            var given = IdentityText.Compact(complementArgument);
            if (given.Length != 2 || !given.All(char.IsAsciiLetterOrDigit))
            {
                return Error.Validation("document.invalid_complement");
            }

            if (complement is not null && complement != given)
            {
                return Conflict("complemento", complement, given);
            }

            complement = given;
        }

        string? department = null;
        if (departmentText is not null)
        {
            department = DepartmentCode(departmentText);
            if (department is null)
            {
                return InvalidDepartment(departmentText);
            }
        }

        if (!string.IsNullOrWhiteSpace(departmentArgument))
        {
            var given = DepartmentCode(departmentArgument);
            if (given is null)
            {
                return InvalidDepartment(departmentArgument);
            }

            if (department is not null && department != given)
            {
                return Conflict("departamento", department, given);
            }

            department = given;
        }

        return new IdDocument(DocumentType.CI, Country.BO, number, null, complement, department);
    }

    private static bool IsDepartment(string text) => DepartmentCode(text) is not null;

    private static string? DepartmentCode(string text) =>
        Departments.TryGetValue(IdentityText.Compact(text), out var code) ? code : null;

    private static bool IsNumberSeparator(char c) => char.IsWhiteSpace(c) || c is '.' or ',';

    private static bool IsDash(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    private static Error? CheckLength(DocumentType type, string number, int min, int max, string unit)
    {
        if (number.Length < min)
        {
            return Error.Validation("document.too_short", TypeName(type), number.Length, unit, min, max);
        }

        if (number.Length > max)
        {
            return Error.Validation("document.too_long", TypeName(type), number.Length, unit, min, max);
        }

        return null;
    }

    private static Error InvalidCharacters(DocumentType type, char c, bool lettersAllowed) =>
        Error.Validation(lettersAllowed ? "document.invalid_characters#letters" : "document.invalid_characters#digits", TypeName(type), c);

    private static Error LeadingZero(DocumentType type) => Error.Validation("document.leading_zero", TypeName(type));

    private static Error CiFormat() => Error.Validation("document.invalid_format#3");

    private static Error InvalidDepartment(string text) => Error.Validation("document.invalid_department", text.Trim());

    private static Error Conflict(string part, string embedded, string given) => Error.Validation("document.conflicting_values", part, embedded, given);

    private static Error TypeNotAllowed(DocumentType type, Country country) => Error.Validation("document.type_not_allowed", type, TypeName(type), country == Country.CO ? "Colombia" : "Bolivia", AllowedList(country));

    private static string AllowedList(Country country) => country == Country.BO ? "CI o NIT" : "CC, CE, NIT, PA o TI";

    private static string TypeName(DocumentType type) => type switch
    {
        DocumentType.CC => "cédula de ciudadanía",
        DocumentType.CE => "cédula de extranjería",
        DocumentType.NIT => "NIT",
        DocumentType.PA => "pasaporte",
        DocumentType.TI => "tarjeta de identidad",
        DocumentType.CI => "carnet de identidad",
        _ => type.ToString(),
    };

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}

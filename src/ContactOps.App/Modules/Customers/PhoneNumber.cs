using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactOps.Platform;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Customers;

/// <summary>
/// A customer phone number, validated against the numbering plan of the client's country and kept in
/// E.164. Only <see cref="Parse"/> / <see cref="TryParse(string?, Country, out PhoneNumber?)"/> build one,
/// so every instance is valid.
/// </summary>
/// <remarks>
/// <para>Colombia (+57, plan in force since 2021): mobiles are 10 digits starting with 3; fixed lines are
/// 10 digits <c>60X NNN NNNN</c> with X (the area) 1–8. Old 7-digit fixed numbers are rejected: they
/// need the 60X indicative.</para>
/// <para>Bolivia (+591): mobiles are 8 digits starting with 6 or 7; fixed lines are the area code
/// (2 La Paz/Oruro/Potosí, 3 Santa Cruz/Beni/Pando, 4 Cochabamba/Chuquisaca/Tarija) plus 7 digits.
/// A bare 7-digit local number is accepted only when a default area code is given, and only when written
/// without the international prefix (with +591 the number must be complete).</para>
/// <para>Input may carry the prefix as <c>+57</c>, <c>0057</c> or a bare <c>57</c> (Bolivia: <c>+591</c>,
/// <c>00591</c>, <c>591</c>) and any spaces, dots, dashes and parentheses. A bare country code is only
/// taken as such when what follows has exactly the national length (12 digits "57…", 11 digits "591…"),
/// because national numbers never start with 5. A number carrying the other country's code is rejected
/// with <c>phone.country_mismatch</c>, never silently re-homed.</para>
/// </remarks>
public sealed record PhoneNumber
{
    private const string ColombiaCode = "57";
    private const string BoliviaCode = "591";
    private const int ColombiaLength = 10;
    private const int BoliviaLength = 8;
    private const int BoliviaLocalLength = 7;

    private PhoneNumber(Country country, PhoneKind kind, string national)
    {
        Country = country;
        Kind = kind;
        National = national;
    }

    public Country Country { get; }

    public PhoneKind Kind { get; }

    /// <summary>National significant number: digits only, without country code (e.g. <c>3001234567</c>).</summary>
    public string National { get; }

    /// <summary>E.164 form, e.g. <c>+573001234567</c>, <c>+59171234567</c>.</summary>
    public string E164 => "+" + CountryCode(Country) + National;

    /// <summary>
    /// Human format: Colombia "300 123 4567" / "601 234 5678"; Bolivia mobile "7123 4567", fixed
    /// "2 2123456" (area code, then the local number).
    /// </summary>
    public string Display => (Country, Kind) switch
    {
        (Country.CO, _) => $"{National[..3]} {National[3..6]} {National[6..]}",
        (Country.BO, PhoneKind.Mobile) => $"{National[..4]} {National[4..]}",
        _ => $"{National[..1]} {National[1..]}",
    };

    /// <summary><see cref="Display"/> with every digit but the last four hidden: "*** *** 4567".</summary>
    public string Masked => IdentityText.Mask(Display, 4);

    /// <summary>Parses a phone number written by a person or found in a file.</summary>
    /// <param name="raw">The text as typed.</param>
    /// <param name="country">The client's country; numbers of the other country are rejected.</param>
    /// <param name="defaultAreaCode">
    /// Bolivia only: area code (2, 3 or 4) used to complete a bare 7-digit fixed number. Ignored for
    /// Colombia and when the number is already complete.
    /// </param>
    public static Result<PhoneNumber> Parse(string? raw, Country country, string? defaultAreaCode = null)
    {
        if (country is not (Country.CO or Country.BO))
        {
            return Error.Validation("phone.unsupported_country");
        }

        if (string.IsNullOrWhiteSpace(raw))
        {
            return Error.Validation("phone.required");
        }

        var scan = ScanDigits(raw);
        if (scan.Error is not null)
        {
            return scan.Error;
        }

        var digits = scan.Digits;
        if (digits.Length == 0)
        {
            return Error.Validation("phone.too_short");
        }

        var international = scan.HasPlus || digits.StartsWith("00", StringComparison.Ordinal);
        string national;
        if (international)
        {
            var withCode = scan.HasPlus ? digits : digits[2..];
            Country codeCountry;
            if (withCode.StartsWith(ColombiaCode, StringComparison.Ordinal))
            {
                codeCountry = Country.CO;
            }
            else if (withCode.StartsWith(BoliviaCode, StringComparison.Ordinal))
            {
                codeCountry = Country.BO;
            }
            else
            {
                return Error.Validation("phone.unsupported_country_code");
            }

            if (codeCountry != country)
            {
                return Mismatch(codeCountry, country);
            }

            national = withCode[CountryCode(codeCountry).Length..];
        }
        else if (digits.Length == 2 + ColombiaLength && digits.StartsWith(ColombiaCode, StringComparison.Ordinal))
        {
            // "573001234567": 57 + a 10-digit national number (no national number starts with 5).
            if (country != Country.CO)
            {
                return Mismatch(Country.CO, country);
            }

            national = digits[2..];
        }
        else if (digits.Length == 3 + BoliviaLength && digits.StartsWith(BoliviaCode, StringComparison.Ordinal))
        {
            if (country != Country.BO)
            {
                return Mismatch(Country.BO, country);
            }

            national = digits[3..];
        }
        else
        {
            national = digits;
        }

        return country == Country.CO
            ? ParseColombia(national)
            : ParseBolivia(national, international ? null : defaultAreaCode, allowLocal: !international);
    }

    /// <summary>Like <see cref="Parse"/>, for callers that only need yes/no.</summary>
    public static bool TryParse(string? raw, Country country, [NotNullWhen(true)] out PhoneNumber? phone) =>
        TryParse(raw, country, null, out phone);

    /// <summary>Like <see cref="Parse"/>, for callers that only need yes/no.</summary>
    public static bool TryParse(string? raw, Country country, string? defaultAreaCode, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        var result = Parse(raw, country, defaultAreaCode);
        phone = result.IsSuccess ? result.Value : null;
        return phone is not null;
    }

    /// <summary>The E.164 form.</summary>
    public override string ToString() => E164;

    private static Result<PhoneNumber> ParseColombia(string national)
    {
        if (national.Length < ColombiaLength)
        {
            return Error.Validation("phone.too_short#2", national.Length);
        }

        if (national.Length > ColombiaLength)
        {
            return Error.Validation("phone.too_long", national.Length);
        }

        if (national[0] == '3')
        {
            return new PhoneNumber(Country.CO, PhoneKind.Mobile, national);
        }

        if (national.StartsWith("60", StringComparison.Ordinal))
        {
            return national[2] is >= '1' and <= '8'
                ? new PhoneNumber(Country.CO, PhoneKind.Fixed, national)
                : Error.Validation("phone.invalid_area_code", national[..3]);
        }

        return Error.Validation("phone.invalid_prefix#2");
    }

    private static Result<PhoneNumber> ParseBolivia(string national, string? defaultAreaCode, bool allowLocal)
    {
        if (national.Length == BoliviaLocalLength && allowLocal)
        {
            if (string.IsNullOrWhiteSpace(defaultAreaCode))
            {
                return Error.Validation("phone.area_code_required");
            }

            var area = defaultAreaCode.Trim();
            if (area is not ("2" or "3" or "4"))
            {
                return Error.Validation("phone.invalid_default_area_code");
            }

            if (national[0] == '0')
            {
                return Error.Validation("phone.invalid_prefix");
            }

            return new PhoneNumber(Country.BO, PhoneKind.Fixed, area + national);
        }

        if (national.Length < BoliviaLength)
        {
            return Error.Validation("phone.too_short#3", national.Length);
        }

        if (national.Length > BoliviaLength)
        {
            return Error.Validation("phone.too_long#2", national.Length);
        }

        return national[0] switch
        {
            '6' or '7' => new PhoneNumber(Country.BO, PhoneKind.Mobile, national),
            '2' or '3' or '4' => new PhoneNumber(Country.BO, PhoneKind.Fixed, national),
            _ => Error.Validation("phone.invalid_prefix#3"),
        };
    }

    /// <summary>
    /// Keeps ASCII digits; skips whitespace, dots, dashes (any Unicode dash) and parentheses; allows one
    /// '+' before the first digit. Anything else is an error naming the problem.
    /// </summary>
    private static (string Digits, bool HasPlus, Error? Error) ScanDigits(string raw)
    {
        var digits = new StringBuilder(raw.Length);
        var hasPlus = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+')
            {
                if (hasPlus || digits.Length > 0)
                {
                    return (string.Empty, false, Error.Validation("phone.invalid_characters"));
                }

                hasPlus = true;
            }
            else if (char.IsWhiteSpace(c) || c is '.' or '(' or ')'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
            {
                // Separators people write: "300 123 4567", "(601) 234-5678", "300.123.4567".
            }
            else if (char.IsLetter(c))
            {
                return (string.Empty, false, Error.Validation("phone.contains_letters"));
            }
            else
            {
                return (string.Empty, false, Error.Validation("phone.invalid_characters#2", c));
            }
        }

        return (digits.ToString(), hasPlus, null);
    }

    private static string CountryCode(Country country) => country == Country.CO ? ColombiaCode : BoliviaCode;

    private static Error Mismatch(Country numberCountry, Country expected) => Error.Validation("phone.country_mismatch", CountryName(numberCountry), CountryCode(numberCountry), CountryName(expected));

    private static string CountryName(Country country) => country == Country.CO ? "Colombia" : "Bolivia";

}

using ContactOps.Platform;
using ContactOps.Platform.Results;

namespace ContactOps.Modules.Customers.Contracts;

/// <summary>A validated identity document as other modules keep it: type code (CC, CE, NIT, PA, CI…) and normalised number.</summary>
public sealed record NormalizedDocument(string Type, string Number);

/// <summary>
/// The customers' rules for phones and identity documents, published for other modules that keep their own records
/// of people (leads of a base, call logs): same validation, same normal forms, same Spanish messages.
/// </summary>
public static class ContactValues
{
    /// <summary>A phone of <paramref name="country"/> in E.164 (+57…, +591…), or the validation error.</summary>
    public static Result<string> NormalizePhone(string? raw, Country country, string? defaultAreaCode = null)
    {
        var parsed = PhoneNumber.Parse(raw, country, defaultAreaCode);
        return parsed.Error is null ? parsed.Value!.E164 : parsed.Error;
    }

    /// <summary>True and the E.164 form when <paramref name="raw"/> is a valid phone of the country.</summary>
    public static bool TryNormalizePhone(string? raw, Country country, string? defaultAreaCode, out string e164)
    {
        if (PhoneNumber.TryParse(raw, country, defaultAreaCode, out var phone))
        {
            e164 = phone.E164;
            return true;
        }

        e164 = "";
        return false;
    }

    /// <summary>A document of the country: the type as written (e.g. "CC", "cédula") and the number; or the validation error.</summary>
    public static Result<NormalizedDocument> NormalizeDocument(string? type, string? number, Country country)
    {
        var parsedType = IdDocument.ParseType(type, country);
        if (parsedType.Error is not null)
        {
            return parsedType.Error;
        }

        var doc = IdDocument.Create(parsedType.Value, number, country);
        return doc.Error is null ? new NormalizedDocument(parsedType.Value.ToString(), doc.Value!.Number) : doc.Error;
    }
}

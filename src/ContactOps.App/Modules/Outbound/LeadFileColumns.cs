using System.Globalization;
using System.Text;

namespace ContactOps.Modules.Outbound;

/// <summary>Fields of a lead base file and the Spanish/English headers recognised for each (compared normalised).</summary>
public static class LeadFileColumns
{
    public const string FileKind = "leads";
    public const string DocumentType = "tipo_documento";
    public const string Document = "documento";
    public const string FullName = "nombre";
    public const string LastNames = "apellidos";
    public const string Phones = "telefono";
    public const string TimeZone = "zona_horaria";

    public static IReadOnlyDictionary<string, string[]> Aliases { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [DocumentType] = ["tipo documento", "tipo doc", "tipodoc", "tipo identificacion", "tipo de documento", "document type", "id type", "doc type"],
        [Document] = ["cedula", "identificacion", "nit", "ci", "numero documento", "nro documento", "no documento", "num documento", "numero de documento", "document", "document number", "id number", "doc"],
        [FullName] = ["nombres", "nombre completo", "full name", "fullname", "name", "razon social", "titular", "cliente"],
        [LastNames] = ["apellido", "last name", "last names", "lastname", "surname"],
        [Phones] = ["telefono", "telefonos", "celular", "movil", "fijo", "tel", "phone", "mobile", "cell", "numero contacto", "msisdn"],
        [TimeZone] = ["zona horaria", "time zone", "timezone"],
    };

    public static IReadOnlyCollection<string> MultiValued { get; } = [Phones];

    /// <summary>The key of a carrier column in <see cref="Lead.AttributesJson"/>: lower case, no accents, '_' between words ("Equipo ofrecido" → "equipo_ofrecido").</summary>
    public static string AttributeKey(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        var pendingSeparator = false;
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return builder.ToString();
    }
}

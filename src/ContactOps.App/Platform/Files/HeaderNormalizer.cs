using System.Globalization;
using System.Text;

namespace ContactOps.Platform.Files;

/// <summary>
/// Turns a header into a comparison key that ignores case, accents, spaces, dashes, dots, underscores and any
/// other punctuation: "Teléfono 1" → "telefono1", "tipo_documento" → "tipodocumento", "N.º Documento" → "nodocumento".
/// </summary>
public static class HeaderNormalizer
{
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        string decomposed;
        try
        {
            decomposed = header.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = header; // invalid UTF-16 (lone surrogate): compare what is there
        }

        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

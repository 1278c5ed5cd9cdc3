using System.Globalization;
using System.Text;

namespace ContactOps.Modules.Customers;

/// <summary>
/// Text folding shared by the customer identity values only (accents, case and punctuation removed so
/// "Cédula de Ciudadanía", "CEDULA DE CIUDADANIA" and "cedula-de-ciudadania" compare equal).
/// Kept internal on purpose: it is not a general text normaliser.
/// </summary>
internal static class IdentityText
{
    /// <summary>Removes diacritics (á → a, ñ → n) and upper-cases with the invariant culture.</summary>
    public static string StripAccentsUpper(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }

    /// <summary>
    /// Folds a label for lookup: accents stripped, upper-case, every non letter/digit run turned into a
    /// single space, trimmed. "C.C." → "C C"; callers that want "CC" use <see cref="Compact"/>.
    /// </summary>
    public static string FoldWords(string text)
    {
        var upper = StripAccentsUpper(text);
        var builder = new StringBuilder(upper.Length);
        var pendingSpace = false;
        foreach (var c in upper)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = true;
            }
            else
            {
                // Any other character (non-Latin letters, …) is kept so the lookup simply fails.
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Like <see cref="FoldWords"/> but with no spaces at all: "C.C." → "CC", "L. P." → "LP".</summary>
    public static string Compact(string text) => FoldWords(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Replaces every letter or digit except the last <paramref name="visible"/> ones with '*'.</summary>
    public static string Mask(string text, int visible)
    {
        var remaining = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                remaining++;
            }
        }

        var toHide = Math.Max(0, remaining - visible);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && toHide > 0)
            {
                builder.Append('*');
                toHide--;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

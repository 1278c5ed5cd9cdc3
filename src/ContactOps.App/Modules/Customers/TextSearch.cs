using System.Globalization;
using System.Text;

namespace ContactOps.Modules.Customers;

/// <summary>Folds names for searching: upper case, no accents, single spaces. Same result on every database engine.</summary>
public static class TextSearch
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                    lastSpace = true;
                }

                continue;
            }

            sb.Append(char.ToUpperInvariant(ch));
            lastSpace = false;
        }

        return sb.ToString().TrimEnd();
    }
}

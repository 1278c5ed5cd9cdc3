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

    /// <summary>Longest name token kept (longer words are cut; a search prefix is cut the same way).</summary>
    public const int MaxTokenLength = 40;

    /// <summary>
    /// The words of a name, folded like <see cref="Normalize"/> and split at anything that is not a letter or a digit
    /// ("María-José O'Neil" gives MARIA, JOSE, O, NEIL); each word once, in order.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var folded = Normalize(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var token = folded[start..Math.Min(i, start + MaxTokenLength)];
                if (!tokens.Contains(token, StringComparer.Ordinal))
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// The half-open range [from, to) of every token that starts with <paramref name="prefix"/> under ordinal (binary)
    /// order, which both engines use for the token column: an index range scan, never a LIKE.
    /// </summary>
    public static (string From, string To) PrefixRange(string prefix)
    {
        var last = prefix[^1];
        return (prefix, prefix[..^1] + (char)(last + 1));
    }
}

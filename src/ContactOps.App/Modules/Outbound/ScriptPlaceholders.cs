using System.Text;

namespace ContactOps.Modules.Outbound;

/// <summary>One piece of a script step as the agent reads it: text, or a gap where a placeholder has no value for this lead.</summary>
public sealed record ScriptPart(string Text, bool IsGap = false);

/// <summary>A script step with its placeholders resolved for one lead and one agent (what the desk shows).</summary>
public sealed record DeskScriptStep(string Kind, string Title, string Text, bool OnlyWhenSale, IReadOnlyList<ScriptPart> Parts);

/// <summary>
/// The placeholders a call script may use — the one place that defines them. Written in braces inside a step's text:
/// <list type="bullet">
/// <item><c>{asesor}</c> (also <c>{agente}</c>): the agent's name;</item>
/// <item><c>{cliente}</c> (also <c>{nombre}</c>): the customer's full name; <c>{primer_nombre}</c>: the first word of it;</item>
/// <item><c>{oferta}</c>: the offer for this lead — the first non-empty carrier column of <see cref="OfferKeys"/>;</item>
/// <item><c>{documento}</c>, <c>{telefono}</c>: the lead's document and the number being called;</item>
/// <item><c>{campo:&lt;label or key&gt;}</c>: a carrier column of the base, by its label (the file's header,
/// <c>{campo:Plan actual}</c>) or its key (<c>{campo:plan_actual}</c>);</item>
/// <item><c>{&lt;key&gt;}</c> (e.g. <c>{plan}</c>, <c>{cupo}</c>): shorthand for a carrier column that a base of the operation has.</item>
/// </list>
/// Saving a script with any other placeholder is refused (<c>campaign.script_unknown_placeholders</c>); at call time a
/// placeholder without a value becomes a gap (<see cref="ScriptPart.IsGap"/>), never the raw braces.
/// </summary>
public static class ScriptPlaceholders
{
    public const string Agent = "asesor";
    public const string Customer = "cliente";
    public const string FirstName = "primer_nombre";
    public const string Offer = "oferta";
    public const string Document = "documento";
    public const string Phone = "telefono";
    public const string FieldPrefix = "campo:";

    /// <summary>Carrier columns that hold the offer, in order of preference.</summary>
    public static readonly IReadOnlyList<string> OfferKeys = ["oferta", "equipo_ofrecido", "equipo", "producto", "plan_ofrecido"];

    /// <summary>Built-in names (and their aliases) → the canonical name.</summary>
    private static readonly Dictionary<string, string> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        [Agent] = Agent,
        ["agente"] = Agent,
        [Customer] = Customer,
        ["nombre"] = Customer,
        [FirstName] = FirstName,
        [Offer] = Offer,
        [Document] = Document,
        [Phone] = Phone,
    };

    /// <summary>The placeholders to show a script author.</summary>
    public static string Supported => "{asesor}, {cliente}, {primer_nombre}, {oferta}, {documento}, {telefono}, {campo:…}";

    /// <summary>A placeholder found in a text: where it is, how it was written, and what it names.</summary>
    public readonly record struct Token(int Start, int Length, string Raw, string? BuiltIn, string? FieldKey, string Name);

    /// <summary>The placeholders of a text, in order. An unclosed "{" is a token with no name (always unknown).</summary>
    public static IEnumerable<Token> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                yield break;
            }

            var close = text.IndexOf('}', open + 1);
            var nextOpen = text.IndexOf('{', open + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                // "{" without its "}": reported as written up to the next brace or 30 characters.
                var end = nextOpen >= 0 ? nextOpen : Math.Min(text.Length, open + 30);
                yield return new Token(open, end - open, text[open..end].TrimEnd(), null, null, "");
                i = end;
                continue;
            }

            var inner = text.Substring(open + 1, close - open - 1).Trim();
            string? builtIn = null;
            string? field = null;
            if (inner.StartsWith(FieldPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = inner[FieldPrefix.Length..].Trim();
                field = LeadFileColumns.AttributeKey(name);
                yield return new Token(open, close - open + 1, text.Substring(open, close - open + 1), null, field.Length > 0 ? field : null, name);
            }
            else
            {
                if (BuiltIns.TryGetValue(inner, out var canonical))
                {
                    builtIn = canonical;
                }
                else
                {
                    field = LeadFileColumns.AttributeKey(inner);
                }

                yield return new Token(open, close - open + 1, text.Substring(open, close - open + 1), builtIn, builtIn is null && field!.Length > 0 ? field : null, inner);
            }

            i = close + 1;
        }
    }

    /// <summary>
    /// The placeholders of these texts that are not supported, as written (distinct, in order): not a built-in, not
    /// <c>{campo:…}</c> with a name, and not a key of <paramref name="knownKeys"/> (the carrier columns of the operation's bases).
    /// </summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string?> texts, IReadOnlySet<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(knownKeys);
        var unknown = new List<string>();
        foreach (var text in texts)
        {
            foreach (var t in Tokens(text))
            {
                var explicitField = t.Raw.TrimStart('{').TrimStart().StartsWith(FieldPrefix, StringComparison.OrdinalIgnoreCase);
                var ok = t.BuiltIn is not null || (t.FieldKey is not null && (explicitField || knownKeys.Contains(t.FieldKey)));
                if (!ok && !unknown.Contains(t.Raw, StringComparer.Ordinal))
                {
                    unknown.Add(t.Raw);
                }
            }
        }

        return unknown;
    }

    /// <summary>What the placeholders stand for on one call.</summary>
    /// <param name="LabelOf">A carrier column's label from its key (the base's mapping).</param>
    /// <param name="NameOf">A built-in placeholder's name in the user's language (for a gap).</param>
    public sealed record Values(
        string AgentName, string CustomerName, string Document, string? Phone, IReadOnlyDictionary<string, string> Attributes,
        Func<string, string> LabelOf, Func<string, string> NameOf);

    /// <summary>The value of a placeholder for this call, or null (no value: a gap).</summary>
    public static string? ValueOf(Token token, Values values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? value = token.BuiltIn switch
        {
            Agent => values.AgentName,
            Customer => values.CustomerName,
            FirstName => values.CustomerName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            Document => values.Document,
            Phone => values.Phone,
            Offer => OfferKeys.Select(k => values.Attributes.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)),
            _ => token.FieldKey is { } key ? values.Attributes.GetValueOrDefault(key) : null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// The text with its placeholders replaced: parts of text and gaps. A gap's text is <paramref name="gap"/> applied to
    /// what is missing (the column's label, or the placeholder's name), so the agent sees "[sin dato: Plan actual]", never braces.
    /// </summary>
    public static IReadOnlyList<ScriptPart> Render(string? text, Values values, Func<string, string> gap)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(gap);
        var parts = new List<ScriptPart>();
        if (string.IsNullOrEmpty(text))
        {
            return parts;
        }

        var plain = new StringBuilder();
        var at = 0;
        foreach (var t in Tokens(text))
        {
            plain.Append(text, at, t.Start - at);
            at = t.Start + t.Length;
            if (ValueOf(t, values) is { } value)
            {
                plain.Append(value);
                continue;
            }

            if (plain.Length > 0)
            {
                parts.Add(new ScriptPart(plain.ToString()));
                plain.Clear();
            }

            var what = t.BuiltIn is { } builtIn ? values.NameOf(builtIn) : (t.FieldKey is { } key ? values.LabelOf(key) : t.Name.Trim('{', '}', ' '));
            parts.Add(new ScriptPart(gap(what.Length > 0 ? what : "?"), IsGap: true));
        }

        plain.Append(text, at, text.Length - at);
        if (plain.Length > 0)
        {
            parts.Add(new ScriptPart(plain.ToString()));
        }

        return parts;
    }
}

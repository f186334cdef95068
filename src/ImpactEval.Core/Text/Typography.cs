using System.Text;

namespace ImpactEval.Core.Text;

/// <summary>
/// French typography for user-facing text: guillemets with narrow no-break spaces inside, the narrow no-break space
/// (U+202F) before « : ; ! ? % », the typographic apostrophe and the minus sign (U+2212) of negative numbers.
/// <see cref="Apply"/> puts a text right; <see cref="Problems"/> lists what is still wrong (the scan the tests run on
/// every artefact the demo writes). Pure.
/// </summary>
/// <remarks>
/// Messages written in C# spell the narrow no-break space as the escape <c>\u202F</c>, so that it stays visible in the
/// source; rendered reports and workbooks also go through <see cref="Apply"/>, so that a template typed with ordinary
/// spaces and straight apostrophes still prints French typography.
/// </remarks>
public static class Typography
{
    /// <summary>The narrow no-break space (U+202F) French typography puts before « : ; ! ? % » and inside « ».</summary>
    public const char NarrowSpace = '\u202F';

    /// <summary>The minus sign (U+2212) of a negative number.</summary>
    public const char Minus = '\u2212';

    /// <summary>Quotes a text the French way: «\u202Ftext\u202F».</summary>
    /// <param name="text">The text quoted, as it is.</param>
    public static string Quote(string text) => $"«\u202F{text}\u202F»";

    /// <summary>
    /// Puts French typography into a text: a space (ordinary or no-break) before « : ; ! ? % » becomes the narrow
    /// no-break space, and one is inserted before a « % » that follows a digit and before « ; ! ? » that follow a letter
    /// (not inside a web address); « and » get a narrow no-break space
    /// inside; an apostrophe between two letters becomes ’; a hyphen that starts a number (after a space, a bracket or
    /// the start of the text) becomes the minus sign. Colons without a space before them (times, addresses) and hyphens
    /// inside words, codes and ranges ("2023-2024") are left alone.
    /// </summary>
    /// <param name="text">The text.</param>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return text;
        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = output.Length > 0 ? output[^1] : '\0';
            switch (c)
            {
                case ' ' or '\u00A0' when next is ':' or ';' or '!' or '?' or '%' or '»':
                    output.Append(NarrowSpace);
                    break;
                case ';' or '!' or '?' when char.IsLetter(previous) && !InAddress(text, i):
                case '%' when char.IsDigit(previous):
                case '»' when previous is not (NarrowSpace or ' ' or '\u00A0' or '\n') && output.Length > 0:
                    output.Append(NarrowSpace).Append(c);
                    break;
                case '«':
                    output.Append(c);
                    if (next is ' ' or '\u00A0') i++;
                    if (i + 1 < text.Length && text[i + 1] != NarrowSpace) output.Append(NarrowSpace);
                    break;
                case '\'' when char.IsLetter(previous) && char.IsLetter(next):
                    output.Append('’');
                    break;
                case '-' when char.IsDigit(next) && previous is '\0' or ' ' or '\u00A0' or NarrowSpace or '(' or '[' or '\n' or '\t':
                    output.Append(Minus);
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
        return output.ToString();
    }

    /// <summary>
    /// What in a text breaks French typography, each as a short French description with the surrounding characters: a
    /// space that is not the narrow no-break space before « : ; ! ? % », a letter directly followed by « ; ! ? », « or »
    /// without a space inside, a straight apostrophe between letters, a hyphen-minus starting a number. Empty when the
    /// text is right. Web addresses are not checked.
    /// </summary>
    /// <param name="text">The text.</param>
    public static IReadOnlyList<string> Problems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var previous = i > 0 ? text[i - 1] : '\0';
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            string? problem = c switch
            {
                ':' or ';' or '!' or '?' or '%' when previous is ' ' or '\u00A0' => $"espace ordinaire avant «\u202F{c}\u202F»",
                ';' or '!' or '?' when char.IsLetter(previous) && !InAddress(text, i) => $"pas d’espace fine avant «\u202F{c}\u202F»",
                '%' when char.IsDigit(previous) => "pas d’espace fine avant «\u202F%\u202F»",
                '«' when next != NarrowSpace => "pas d’espace fine après le guillemet ouvrant",
                '»' when previous != NarrowSpace => "pas d’espace fine avant le guillemet fermant",
                '\'' when char.IsLetter(previous) && char.IsLetter(next) => "apostrophe droite",
                '-' when char.IsDigit(next) && previous is '\0' or ' ' or '\u00A0' or NarrowSpace or '(' or '[' => "trait d’union à la place du signe moins",
                _ => null,
            };
            if (problem is not null) problems.Add($"{problem}\u202F: «\u202F{Around(text, i)}\u202F»");
        }
        return problems;
    }

    private static bool InAddress(string text, int index)
    {
        var start = text.LastIndexOfAny([' ', '\n', '\u00A0'], index) + 1;
        return text.AsSpan(start, index - start).Contains("://", StringComparison.Ordinal);
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 20);
        return text.Substring(start, Math.Min(text.Length, index + 20) - start).ReplaceLineEndings(" ");
    }
}

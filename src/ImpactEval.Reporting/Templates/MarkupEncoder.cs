using System.Text;
using System.Text.Encodings.Web;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Escapes what a template prints for HTML: the five characters that could open markup or end an attribute
/// (<c>&amp; &lt; &gt; " '</c>) and nothing else, so French text keeps its non-breaking spaces, accents and signs as
/// written (the framework's <see cref="HtmlEncoder"/> also turns every non-breaking space into an entity).
/// </summary>
internal sealed class MarkupEncoder : TextEncoder
{
    /// <summary>The encoder every rendering uses.</summary>
    public static readonly MarkupEncoder Instance = new();

    private MarkupEncoder()
    {
    }

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
            if (WillEncode(text[i])) return i;
        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        var entity = unicodeScalar switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };
        if (entity is not null)
        {
            numberOfCharactersWritten = entity.Length;
            return entity.TryCopyTo(output);
        }
        return new Rune(unicodeScalar).TryEncodeToUtf16(output, out numberOfCharactersWritten);
    }

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '&' or '<' or '>' or '"' or '\'';
}

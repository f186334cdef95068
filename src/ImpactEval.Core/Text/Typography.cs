namespace ImpactEval.Core.Text;

/// <summary>French typography for user-facing messages: guillemets with narrow no-break spaces inside.</summary>
/// <remarks>
/// The messages themselves write the narrow no-break space (U+202F) before « : », « ; », « ! », « ? » and « % »
/// as the escape <c>\u202F</c>, so that it stays visible in the source.
/// </remarks>
public static class Typography
{
    /// <summary>The narrow no-break space (U+202F) French typography puts before « : ; ! ? % » and inside « ».</summary>
    public const char NarrowSpace = '\u202F';

    /// <summary>Quotes a text the French way: «\u202Ftext\u202F».</summary>
    /// <param name="text">The text quoted, as it is.</param>
    public static string Quote(string text) => $"«\u202F{text}\u202F»";
}

using System.Globalization;

namespace ImpactEval.Core.Text;

/// <summary>
/// Reads and writes numbers the way French users type and read them: decimal comma, spaces (including
/// non-breaking ones) as thousands separators — "1 234,5" — while also accepting a decimal point.
/// </summary>
public static class FrenchNumber
{
    /// <summary>The French culture used for every user-facing number and date.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Longest text read as a number (the plain text of the largest double has 309 digits).</summary>
    private const int MaxLength = 400;

    /// <summary>
    /// Parses a whole cell by a strict French/ISO grammar, after trimming the surrounding white space:
    /// an optional sign (+, - or the minus sign U+2212); integer digits, optionally grouped by thousands with a space,
    /// a no-break space or a narrow no-break space followed by exactly three digits ("1 234 567"); an optional decimal
    /// separator (comma or point) followed by at least one digit; an optional trailing "%" (with or without a space
    /// before it), ignored: the number is taken in the indicator's own unit.
    /// </summary>
    /// <remarks>
    /// Everything else is refused rather than guessed, because a guess silently changes a value: a cell cut in the
    /// middle ("92,"), digits split by a stray space ("9 2", "1 23,4"), a missing integer part (",5"), both separators
    /// ("1.234,5" or "1,234.5": ambiguous), exponents ("1E5"), any other character.
    /// </remarks>
    /// <param name="text">The text (a whole cell).</param>
    /// <param name="value">The number, finite, when the text is valid; 0 otherwise.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length == 0 || s.Length > MaxLength) return false;
        if (s[^1] == '%')
        {
            s = s[..^1];
            if (s.Length > 0 && IsGroupSeparator(s[^1])) s = s[..^1];
        }
        Span<char> buffer = stackalloc char[MaxLength];
        var length = 0;
        var i = 0;
        if (s.Length > 0 && s[0] is '+' or '-' or '\u2212')
        {
            if (s[0] != '+') buffer[length++] = '-';
            i++;
        }
        var run = Digits(s, ref i, buffer, ref length);
        if (run == 0) return false;
        if (i < s.Length && IsGroupSeparator(s[i]))
        {
            if (run > 3) return false;
            while (i < s.Length && IsGroupSeparator(s[i]))
            {
                i++;
                if (Digits(s, ref i, buffer, ref length) != 3) return false;
            }
        }
        if (i < s.Length && s[i] is ',' or '.')
        {
            i++;
            buffer[length++] = '.';
            if (Digits(s, ref i, buffer, ref length) == 0) return false;
        }
        if (i != s.Length) return false;
        return double.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Copies the ASCII digits at <paramref name="i"/> and returns how many there were.</summary>
    private static int Digits(ReadOnlySpan<char> s, ref int i, Span<char> buffer, ref int length)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) buffer[length++] = s[i++];
        return i - start;
    }

    private static bool IsGroupSeparator(char c) => c is ' ' or '\u00A0' or '\u202F';

    /// <summary>A count with French thousands separators, as the culture writes it: 1234 → "1 234".</summary>
    public static string Count(int value) => value.ToString("N0", Culture);

    /// <summary>The plain French text of a value, with up to 6 decimals and no thousands separator: 2.5 → "2,5", 3 → "3".</summary>
    public static string Plain(double value) => value.ToString("0.######", Culture);

    /// <summary>Formats with French separators and the given number of decimals: 1234.5 → "1 234,5"; a value that rounds
    /// to zero is "0,00", never "-0,00".</summary>
    public static string Format(double value, int decimals)
    {
        var format = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        if (Math.Round(value, decimals, MidpointRounding.AwayFromZero) == 0) value = 0; // also turns −0.0 into 0
        return value.ToString(format, Culture).Replace('\u202F', '\u00A0');
    }
}

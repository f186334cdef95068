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

    /// <summary>
    /// Parses "1 234,5", "1234.5", "-0,25" or "12,3 %" (a trailing percent sign is accepted and ignored:
    /// the number is taken in the indicator's own unit). Returns false for text, for both a comma and a
    /// point in the same number (ambiguous), and for empty input.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64) return false;
        var length = 0;
        var commas = 0;
        var points = 0;
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case ' ' or '\u00A0' or '\u202F': continue;
                case ',': commas++; buffer[length++] = '.'; break;
                case '.': points++; buffer[length++] = '.'; break;
                default: buffer[length++] = c; break;
            }
        }
        if (length > 0 && buffer[length - 1] == '%') length--;
        if (length == 0 || commas + points > 1) return false;
        return double.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

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

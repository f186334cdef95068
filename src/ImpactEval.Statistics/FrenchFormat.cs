using System.Globalization;

namespace ImpactEval.Statistics;

/// <summary>
/// The one way numbers are written in the French messages of the library (exception reasons,
/// warnings, explanations), whatever the culture of the machine or of the calling thread.
/// </summary>
/// <remarks>
/// <para>French conventions, fixed here rather than read from the fr-FR culture (which varies with the
/// ICU or NLS version and is absent in invariant-globalization mode): decimal comma; thousands grouped
/// by a narrow no-break space (U+202F, the separator of the French typographic rules and of ICU's fr-FR)
/// from five integer digits on — "1000" but "12 000", as the SI brochure (§ 5.4.4) and the French rules
/// allow for four digits; hyphen-minus for negative numbers. Rounding is always half away from zero.</para>
/// <para>Quantities are formatted; identifiers (row, study or unit numbers, level codes) are written as
/// they are, without grouping, as French typography writes page numbers or years.</para>
/// </remarks>
internal static class FrenchFormat
{
    /// <summary>Significant digits kept by <see cref="Number"/>.</summary>
    private const int SignificantDigits = 4;

    private const char NarrowNoBreakSpace = '\u202F';

    private static readonly NumberFormatInfo French = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = NarrowNoBreakSpace.ToString(),
        NumberGroupSizes = [3],
        NegativeSign = "-",
        PositiveSign = "+",
        NaNSymbol = "NaN",
        PositiveInfinitySymbol = "∞",
        NegativeInfinitySymbol = "-∞",
    };

    /// <summary>
    /// A measured or received value (an alpha, a variance, degrees of freedom…): four significant digits,
    /// the whole integer part, trailing zeros dropped ("0,0005", "7,5", "0,1235", "1235", "12 346"); below 10⁻⁴ or
    /// from 10¹⁵ on in scientific notation ("1,5 × 10⁻⁸").
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(French);
        if (value == 0) return "0";
        var magnitude = Math.Abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e15) return Scientific(value);
        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        var decimals = Math.Clamp(SignificantDigits - 1 - exponent, 0, 15);
        return Rounded(value, decimals, keepTrailingZeros: false);
    }

    /// <summary>
    /// A value shown at a set precision, trailing zeros kept (percentages, points, effective sizes:
    /// "12,5 %", "25,0 points").
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="decimals">Number of decimals, 0 to 15.</param>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value)) return value.ToString(French);
        return Rounded(value, decimals, keepTrailingZeros: true);
    }

    /// <summary>A count (observations, units, replications), thousands grouped from 10 000 on: "1000", "12 345".</summary>
    public static string Count(long value) => value.ToString(Math.Abs(value) < 10_000 ? "0" : "#,##0", French);

    private static string Rounded(double value, int decimals, bool keepTrailingZeros)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0; // no "-0"
        var integer = Math.Abs(rounded) < 10_000 ? "0" : "#,##0";
        var format = decimals == 0 ? integer : integer + "." + new string(keepTrailingZeros ? '0' : '#', decimals);
        return rounded.ToString(format, French);
    }

    private static string Scientific(double value)
    {
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = Math.Round(value / Math.Pow(10, exponent), SignificantDigits - 1, MidpointRounding.AwayFromZero);
        if (Math.Abs(mantissa) >= 10)
        {
            exponent++;
            mantissa = Math.Round(value / Math.Pow(10, exponent), SignificantDigits - 1, MidpointRounding.AwayFromZero);
        }
        return $"{mantissa.ToString("0.###", French)}\u00A0×\u00A010{Superscript(exponent)}";
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        var result = new char[text.Length];
        for (var i = 0; i < text.Length; i++) result[i] = digits[text[i] - '0'];
        return (exponent < 0 ? "⁻" : "") + new string(result);
    }
}

using System.Globalization;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Writes a number as the shortest invariant text that reads back to the same double, without exponent:
/// 12.5 → "12.5", 1E-05 → "0.00001". <see cref="Core.Text.FrenchNumber.TryParse"/> accepts the result
/// (decimal point, no thousands separator), so a spreadsheet number reaches the importers unchanged.
/// </summary>
internal static class PlainNumber
{
    /// <summary>The plain round-trip text of a finite double.</summary>
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        if (e < 0) return text;

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        string plain;
        if (integerDigits <= 0) plain = "0." + new string('0', -integerDigits) + digits;
        else if (integerDigits >= digits.Length) plain = digits + new string('0', integerDigits - digits.Length);
        else plain = digits[..integerDigits] + "." + digits[integerDigits..];
        return negative ? "-" + plain : plain;
    }
}

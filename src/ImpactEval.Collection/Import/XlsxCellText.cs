using System.Globalization;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Turns one stored spreadsheet cell into the text the importers read, as the user sees it: shared and inline
/// strings as they are; numbers as invariant round-trip text (12.5); date-formatted numbers as "dd/MM/yyyy";
/// percent-formatted numbers as the percentage shown ("85%" for 0.85); booleans as "oui" / "non"; error values
/// as their code ("#N/A"). For a formula cell this is its cached result (the reader reports the formula itself).
/// </summary>
internal static class XlsxCellText
{
    /// <summary>Largest valid Excel date serial (31/12/9999).</summary>
    private const double MaxDateSerial = 2958465;

    /// <summary>Days between the 1904 and the 1900 date systems.</summary>
    private const double Offset1904 = 1462;

    /// <summary>The text of a cell from its stored parts.</summary>
    /// <param name="type">The cell's <c>t</c> attribute (s, inlineStr, b, d, n, e, str), or null for a number.</param>
    /// <param name="style">The cell's <c>s</c> attribute (style index), or null.</param>
    /// <param name="raw">The text of its <c>v</c> element ("" when absent).</param>
    /// <param name="inline">The text of its <c>is</c> element, or null when absent.</param>
    /// <param name="sharedStrings">The workbook's shared strings.</param>
    /// <param name="formats">The workbook's number formats.</param>
    /// <param name="date1904">Whether the workbook uses the 1904 date system.</param>
    /// <param name="missingSharedString">Set to the index when the cell names a shared string that does not exist (the text is then "").</param>
    public static string Of(string? type, uint? style, string raw, string? inline, IReadOnlyList<string> sharedStrings, XlsxNumberFormat formats, bool date1904,
        out long? missingSharedString)
    {
        missingSharedString = null;
        switch (type)
        {
            case "inlineStr":
                return inline ?? raw;
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count) return sharedStrings[index];
                missingSharedString = long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) ? wanted : -1;
                return "";
            case "b":
                return raw.Trim() is "1" or "true" ? "oui" : raw.Trim() is "0" or "false" ? "non" : raw;
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamp) ? Date(stamp) : raw;
            case not null and not "n":
                return raw; // str (formula text result), e (error code)
        }
        if (raw.Length == 0) return "";
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return raw;
        return formats.Of(style) switch
        {
            XlsxDisplay.Date when number >= 1 && number + (date1904 ? Offset1904 : 0) <= MaxDateSerial =>
                Date(DateTime.FromOADate(number + (date1904 ? Offset1904 : 0))),
            XlsxDisplay.Percent => Percent(number),
            _ => PlainNumber.Format(number),
        };
    }

    private static string Date(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Percent(double fraction)
    {
        if (Math.Abs(fraction) < 7e26)
            return ((decimal)fraction * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%";
        return PlainNumber.Format(fraction * 100) + "%";
    }
}

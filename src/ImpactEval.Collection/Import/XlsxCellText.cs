using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

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

    public static string Of(Cell cell, IReadOnlyList<string> sharedStrings, XlsxNumberFormat formats, bool date1904)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? RichText(inline) : cell.CellValue?.Text ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : "";
        if (type == CellValues.Boolean) return raw.Trim() is "1" or "true" ? "oui" : raw.Trim() is "0" or "false" ? "non" : raw;
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamp) ? Date(stamp) : raw;
        if (type is not null && type != CellValues.Number) return raw; // str (formula text result), e (error code)
        if (raw.Length == 0) return "";
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return raw;
        return formats.Of(cell.StyleIndex?.Value) switch
        {
            XlsxDisplay.Date when number >= 1 && number + (date1904 ? Offset1904 : 0) <= MaxDateSerial =>
                Date(DateTime.FromOADate(number + (date1904 ? Offset1904 : 0))),
            XlsxDisplay.Percent => Percent(number),
            _ => PlainNumber.Format(number),
        };
    }

    /// <summary>The text of a shared or inline string: plain text, or the concatenated runs of rich text (phonetic hints excluded).</summary>
    public static string RichText(DocumentFormat.OpenXml.OpenXmlElement item)
    {
        var plain = item.GetFirstChild<Text>();
        if (plain is not null) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static string Date(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Percent(double fraction)
    {
        if (Math.Abs(fraction) < 7e26)
            return ((decimal)fraction * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%";
        return PlainNumber.Format(fraction * 100) + "%";
    }
}

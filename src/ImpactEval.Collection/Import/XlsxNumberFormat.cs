using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Collection.Import;

/// <summary>How a numeric cell is shown to the user, as far as the importers care.</summary>
internal enum XlsxDisplay
{
    /// <summary>A plain number.</summary>
    Number,
    /// <summary>A date (the number is a date serial).</summary>
    Date,
    /// <summary>A percentage (0.85 is shown as 85 %).</summary>
    Percent,
}

/// <summary>
/// Classifies the cell styles of a workbook by their number format: dates (built-in formats 14–17, 22, 27–36,
/// 50–58, or a custom code with day or year tokens), percentages (built-in 9–10, or a "%" in the code),
/// plain numbers otherwise. Time-only formats (h:mm) are plain numbers: the importers read dates, not times.
/// </summary>
internal sealed class XlsxNumberFormat
{
    private readonly XlsxDisplay[] styles;

    private XlsxNumberFormat(XlsxDisplay[] styles) => this.styles = styles;

    /// <summary>Reads the styles part of a workbook (small: loaded whole).</summary>
    public static XlsxNumberFormat Read(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (format.NumberFormatId?.Value is { } id) custom[id] = format.FormatCode?.Value ?? "";
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var styles = new XlsxDisplay[formats.Count];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            styles[i] = custom.TryGetValue(id, out var code) ? Classify(code) : Builtin(id);
        }
        return new XlsxNumberFormat(styles);
    }

    /// <summary>How numbers in cells of this style index are shown.</summary>
    public XlsxDisplay Of(uint? styleIndex) =>
        styleIndex is { } i && i < styles.Length ? styles[i] : XlsxDisplay.Number;

    private static XlsxDisplay Builtin(uint id) => id switch
    {
        9 or 10 => XlsxDisplay.Percent,
        >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 => XlsxDisplay.Date,
        _ => XlsxDisplay.Number,
    };

    /// <summary>Classifies a custom format code by its first section, ignoring quoted text, escapes and [brackets].</summary>
    internal static XlsxDisplay Classify(string code)
    {
        var tokens = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == ';') break;
            if (c == '"') { i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length; continue; }
            if (c == '[') { i = code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length; continue; }
            if (c is '\\' or '_' or '*') { i++; continue; }
            tokens.Append(char.ToLowerInvariant(c));
        }
        var text = tokens.ToString();
        if (text.Contains('%')) return XlsxDisplay.Percent;
        if (text.Contains('d') || text.Contains('y')) return XlsxDisplay.Date;
        return XlsxDisplay.Number;
    }
}

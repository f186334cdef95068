using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ImpactEval.Collection.Import;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Makes the cells of a generated workbook. Every text is written as an inline string (never a shared string,
/// never a formula): a text that starts with = + - @ is data, and also gets the quote-prefix style so that it stays
/// text when a user edits it.
/// </summary>
internal static class WorkbookCells
{
    /// <summary>A text cell at <paramref name="column"/> (0-based) of <paramref name="row"/> (1-based).</summary>
    public static Cell Text(int column, int row, string text, uint style)
    {
        if (style is WorkbookStyles.Text or WorkbookStyles.Data && StartsLikeFormula(text)) style = WorkbookStyles.QuotedText;
        return new Cell
        {
            CellReference = SpreadsheetReference.Cell(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style,
            InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        };
    }

    /// <summary>A row holding the given cells.</summary>
    public static Row Row(int row, params Cell[] cells) => new(cells) { RowIndex = (uint)row };

    /// <summary>Whether a spreadsheet program could take this text for a formula.</summary>
    public static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    /// <summary>Excel's serial number of a date (1900 system).</summary>
    public static string DateSerial(DateOnly date) =>
        ((int)date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToString(CultureInfo.InvariantCulture);

    /// <summary>"15/10/2025".</summary>
    public static string French(DateOnly date) => Core.Text.FrenchDate.Format(date);

    /// <summary>Cuts a text to a spreadsheet limit (prompt titles 32, prompts and error messages 255 characters).</summary>
    public static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Removes the control characters XML 1.0 cannot carry.</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r') ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]) : text;
}

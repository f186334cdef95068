using System.Globalization;
using ClosedXML.Excel;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Fills the cells of a generated workbook. Every text is set as a string — never parsed, so never a formula — and
/// written as an inline string (not a shared string); a text that starts with = + - @ is data, and also gets the
/// quote-prefix style so that it stays text when a user edits it.
/// </summary>
internal static class WorkbookCells
{
    /// <summary>Sets <paramref name="cell"/> to a text with the style <paramref name="style"/>.</summary>
    public static void Text(IXLCell cell, string text, WorkbookStyle style)
    {
        WorkbookStyles.Apply(cell.Style, style);
        Set(cell, text, quote: style is WorkbookStyle.Text or WorkbookStyle.Data);
    }

    /// <summary>Sets a data cell to a text, keeping the (unlocked, text) style of its column.</summary>
    public static void Data(IXLCell cell, string text) => Set(cell, text, quote: true);

    private static void Set(IXLCell cell, string text, bool quote)
    {
        cell.SetValue(Clean(text));
        cell.ShareString = false;
        if (quote && StartsLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
    }

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

using ClosedXML.Excel;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.Workbook;

/// <summary>
/// Writes report tables to an Excel workbook (.xlsx) with ClosedXML: a README sheet in French first, then one sheet
/// per table with its header row frozen and an auto-filter; numbers stored as numbers with a number format (counts
/// "# ##0", decimals, percentages, p-values — the spreadsheet shows them the French way), hidden values as the text
/// "s", missing values as empty cells. Text cells that a spreadsheet could read as a formula (starting with =, +, -,
/// @, tab or carriage return) are neutralised with a leading apostrophe, and every text is set as a string, never
/// parsed into a formula. Column widths come from the length of the texts (ClosedXML's font measurement needs
/// libgdiplus and is not used). Deterministic: the same content gives the same bytes (see <see cref="DeterministicPackage"/>).
/// The report workbook and the national synthesis workbook are both written here.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>What goes into a workbook.</summary>
    /// <param name="Title">Title printed at the top of the README sheet.</param>
    /// <param name="ReadmeLines">Label/value lines of the README (generation date, protocol, fingerprint, disclosure…).</param>
    /// <param name="Tables">The tables, one sheet each, in order.</param>
    /// <param name="GeneratedAt">Generation timestamp (document properties).</param>
    public sealed record Content(string Title, IReadOnlyList<(string Label, string Value)> ReadmeLines, IReadOnlyList<ReportTable> Tables, DateTimeOffset GeneratedAt);

    /// <summary>The README sheet's name.</summary>
    public const string ReadmeSheet = "Lisez-moi";

    /// <summary>A text longer than this is wrapped in a wider column instead of widening its column further.</summary>
    private const int LongText = 60;

    /// <summary>Writes the workbook and returns its bytes.</summary>
    /// <param name="content">Title, README lines and tables.</param>
    public static byte[] Write(Content content)
    {
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        workbook.Properties.Author = "ImpactEval";
        workbook.Properties.Title = content.Title;
        workbook.Properties.Created = content.GeneratedAt.UtcDateTime;
        workbook.Properties.Modified = content.GeneratedAt.UtcDateTime;
        WriteReadme(workbook.AddWorksheet(ReadmeSheet), content);
        var exact = new ExactNumbers();
        foreach (var table in content.Tables)
            WriteTable(workbook.AddWorksheet(table.SheetName), table, exact);
        using var package = new MemoryStream();
        workbook.SaveAs(package);
        return DeterministicPackage.Normalise(exact.Apply(package.ToArray()));
    }

    private static void WriteReadme(IXLWorksheet sheet, Content content)
    {
        var r = 1;
        Text(sheet.Cell(r, 1), content.Title).Style.Font.SetBold().Font.SetFontSize(14);
        r += 2;
        foreach (var (label, value) in content.ReadmeLines)
        {
            Text(sheet.Cell(r, 1), label).Style.Font.SetBold();
            Wrapped(Text(sheet.Cell(r, 2), value));
            r++;
        }
        r++;
        Header(Text(sheet.Cell(r, 1), "Feuille"));
        Header(Text(sheet.Cell(r, 2), "Contenu"));
        r++;
        foreach (var table in content.Tables)
        {
            Text(sheet.Cell(r, 1), table.SheetName).Style.Font.SetBold();
            Wrapped(Text(sheet.Cell(r, 2), table.Title + (table.Note is null ? "" : " — " + table.Note)));
            r++;
        }
        sheet.Column(1).Width = 34;
        sheet.Column(2).Width = 110;
    }

    private static void WriteTable(IXLWorksheet sheet, ReportTable table, ExactNumbers exact)
    {
        var widths = new double[table.Columns.Length];
        for (var c = 0; c < table.Columns.Length; c++)
        {
            Header(Text(sheet.Cell(1, c + 1), table.Columns[c].Header));
            widths[c] = Math.Max(10, table.Columns[c].Header.Length + 2);
        }
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Cells.Length && c < table.Columns.Length; c++)
            {
                var cell = row.Cells[c];
                var target = sheet.Cell(r + 2, c + 1);
                if (cell.IsNumeric && cell.Value is { } v && !cell.IsSuppressed)
                {
                    target.SetValue(v).Style.NumberFormat.SetFormat(NumberFormat(cell.Kind, cell.Decimals));
                    exact.Note(table.SheetName, target.Address.ToString()!, v);
                    if (row.IsTotal) target.Style.Font.SetBold();
                    widths[c] = Math.Max(widths[c], cell.Text.Length + 2);
                }
                else if (cell.IsNumeric && !cell.IsSuppressed && cell.Value is null && cell.Text == Formatting.French.NotAvailable)
                {
                    // Missing value: an empty cell, so that sums and filters work.
                }
                else
                {
                    var isLong = cell.Text.Length > LongText;
                    Text(target, cell.Text);
                    if (isLong) Wrapped(target);
                    else if (row.IsTotal) target.Style.Font.SetBold();
                    else if (cell.IsSuppressed) target.Style.Font.SetItalic().Font.SetFontColor(XLColor.FromHtml("#595959"));
                    widths[c] = Math.Min(isLong ? 90 : LongText, Math.Max(widths[c], cell.Text.Length + 2));
                }
            }
        }
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = Math.Round(widths[c], 1);
        sheet.SheetView.FreezeRows(1);
        if (table.Rows.Length > 0 && table.Columns.Length > 0)
            sheet.Range(1, 1, table.Rows.Length + 1, table.Columns.Length).SetAutoFilter();
    }

    /// <summary>The number format of a cell (codes in the file's invariant syntax; the spreadsheet displays them in the user's locale).</summary>
    private static string NumberFormat(CellKind kind, int decimals) => kind switch
    {
        CellKind.Count => "#,##0",
        CellKind.Percent => decimals == 0 ? "0%" : "0." + new string('0', decimals) + "%",
        CellKind.PValue => "0.000",
        _ => decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals),
    };

    /// <summary>Sets a text as a string (never a formula), with French typography, neutralised, and returns the cell.</summary>
    private static IXLCell Text(IXLCell cell, string text) => cell.SetValue(Neutralise(Core.Text.Typography.Apply(text)));

    private static void Header(IXLCell cell) =>
        cell.Style.Font.SetBold()
            .Fill.SetBackgroundColor(XLColor.FromHtml("#D9E2EC"))
            .Border.SetBottomBorder(XLBorderStyleValues.Thin)
            .Alignment.SetWrapText()
            .Alignment.SetVertical(XLAlignmentVerticalValues.Top);

    private static void Wrapped(IXLCell cell) => cell.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);

    /// <summary>
    /// Prefixes with an apostrophe a text that a spreadsheet could take for a formula (OWASP "CSV injection"):
    /// one starting with =, +, -, @, a tab or a carriage return.
    /// </summary>
    /// <param name="text">The text of a cell.</param>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Collection.Import;

/// <summary>One stored cell of a sheet row: 0-based column, text as the importers read it, and whether it holds a formula.</summary>
internal readonly record struct XlsxCell(int Column, string Text, bool IsFormula);

/// <summary>One stored row of a sheet: its spreadsheet row number (1-based) and its non-empty cells in column order.</summary>
internal sealed record XlsxRow(int Number, List<XlsxCell> Cells);

/// <summary>
/// Streams the rows of one worksheet with the Open XML SDK's SAX reader (<see cref="OpenXmlReader"/>): only one
/// row is materialised at a time, so memory stays bounded by the shared-string table and the widest row, not by
/// the number of rows. The shared strings and the styles are read once when the sheet is opened.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly OpenXmlReader reader;
    private readonly List<string> sharedStrings;
    private readonly XlsxNumberFormat formats;
    private readonly bool date1904;
    private int lastRow;

    private XlsxSheetReader(SpreadsheetDocument document, WorksheetPart sheet, string sheetName)
    {
        this.document = document;
        var workbook = document.WorkbookPart!;
        SheetName = sheetName;
        sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
        formats = XlsxNumberFormat.Read(workbook);
        date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        reader = OpenXmlReader.Create(sheet);
        reader.Read();
    }

    /// <summary>The name of the sheet being read.</summary>
    public string SheetName { get; }

    /// <summary>
    /// Opens the sheet named <paramref name="sheet"/> (case-insensitive), or the first visible worksheet when null.
    /// Returns null and a French reason when the workbook cannot be read or has no such sheet.
    /// </summary>
    /// <exception cref="OpenXmlPackageException">The stream is not an Open XML package.</exception>
    public static XlsxSheetReader? Open(Stream stream, string? sheet, out string? error, out string? hint)
    {
        error = hint = null;
        stream.Position = 0;
        var document = SpreadsheetDocument.Open(stream, false);
        try
        {
            var workbook = document.WorkbookPart;
            if (workbook is null)
            {
                (error, hint) = (XlsxTable.UnreadableMessage, XlsxTable.UnreadableHint);
                document.Dispose();
                return null;
            }
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>()
                .Where(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart).ToList() ?? [];
            var chosen = sheet is null
                ? sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                error = sheet is null ? "Le classeur ne contient aucune feuille de données visible." : $"La feuille « {sheet} » n'existe pas dans le classeur.";
                hint = sheets.Count == 0 ? "Enregistrez le tableau dans un classeur .xlsx ou en CSV." : $"Feuilles du classeur : {string.Join(", ", sheets.Select(s => s.Name?.Value))}.";
                document.Dispose();
                return null;
            }
            return new XlsxSheetReader(document, (WorksheetPart)workbook.GetPartById(chosen.Id!.Value!), chosen.Name?.Value ?? "");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next stored row; false at the end of the sheet.</summary>
    /// <remarks>The cursor is always on an unread element: <c>LoadCurrentElement</c> leaves it on the element after the one loaded.</remarks>
    public bool TryRead(out XlsxRow row)
    {
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            var element = (Row)reader.LoadCurrentElement()!;
            var number = element.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
            lastRow = number;
            var cells = new List<XlsxCell>();
            var column = -1;
            foreach (var cell in element.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference && SpreadsheetReference.ColumnIndex(reference) is >= 0 and var at ? at : column + 1;
                var formula = cell.CellFormula is not null;
                var text = XlsxCellText.Of(cell, sharedStrings, formats, date1904);
                if (text.Length > 0 || formula) cells.Add(new XlsxCell(column, text, formula));
            }
            row = new XlsxRow(number, cells);
            return true;
        }
        row = null!;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        document.Dispose();
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(XlsxCellText.RichText(reader.LoadCurrentElement()!));
            else reader.Read();
        }
        return strings;
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Collection.Tests.Support;

/// <summary>
/// Fills cells of an existing workbook the way Excel stores what a user types or picks: a text (a label chosen
/// from a drop-down) as a shared string, a number as a number, a date as its serial number; a new cell takes the
/// style of its column (so a date typed in date_collecte carries the dd/mm/yyyy format), an existing cell keeps its own.
/// </summary>
public static class WorkbookFiller
{
    /// <summary>Sets the given cells of sheet <paramref name="sheetName"/> in the file at <paramref name="path"/>.</summary>
    /// <param name="path">The .xlsx file, modified in place.</param>
    /// <param name="sheetName">The sheet.</param>
    /// <param name="values">Cell reference → string, double, int or DateOnly.</param>
    public static void Fill(string path, string sheetName, IReadOnlyDictionary<string, object> values)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var data = worksheet.GetFirstChild<SheetData>()!;
        var sharedPart = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
        sharedPart.SharedStringTable ??= new SharedStringTable();
        var shared = sharedPart.SharedStringTable;

        foreach (var (reference, value) in values)
        {
            var rowNumber = uint.Parse(reference.TrimStart([.. Enumerable.Range('A', 26).Select(i => (char)i)]), CultureInfo.InvariantCulture);
            var columnName = reference[..^rowNumber.ToString(CultureInfo.InvariantCulture).Length];
            var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowNumber);
            if (row is null)
            {
                row = new Row { RowIndex = rowNumber };
                var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < rowNumber);
                if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
            }
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference, StyleIndex = ColumnStyle(worksheet, ColumnNumber(columnName)) };
                var before = row.Elements<Cell>().LastOrDefault(c => ColumnNumber(Letters(c.CellReference!)) < ColumnNumber(columnName));
                if (before is null) row.PrependChild(cell); else before.InsertAfterSelf(cell);
            }
            cell.InlineString = null;
            cell.CellFormula = null;
            switch (value)
            {
                case string text:
                    shared.AppendChild(new SharedStringItem(new Text(text)));
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue((shared.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture));
                    break;
                case DateOnly date:
                    cell.DataType = null;
                    cell.CellValue = new CellValue(((int)date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToString(CultureInfo.InvariantCulture));
                    break;
                case double or int:
                    cell.DataType = null;
                    cell.CellValue = new CellValue(System.Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Unsupported value {value} for {reference}.");
            }
        }
        shared.Count = (uint)shared.ChildElements.Count;
        shared.UniqueCount = shared.Count;
        worksheet.Save();
        sharedPart.SharedStringTable.Save();
    }

    private static uint? ColumnStyle(Worksheet worksheet, int column) =>
        worksheet.GetFirstChild<Columns>()?.Elements<Column>().FirstOrDefault(c => c.Min! <= column && c.Max! >= column)?.Style?.Value;

    private static string Letters(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    private static int ColumnNumber(string letters) => letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
}

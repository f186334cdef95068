using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Collection.Tests.Support;

/// <summary>How a test cell is stored, as spreadsheet programs store them.</summary>
public enum StoredAs { SharedString, InlineString, Number, BuiltinDate, CustomDate, LibreOfficeDate, Percent, Boolean, Formula, SharedStringIndex }

/// <summary>One cell to write: its reference ("C5"), storage and text (for a formula: the formula; <see cref="Cached"/> its cached value).</summary>
public sealed record TestCell(string Reference, StoredAs Kind, string Text, string? Cached = null);

/// <summary>
/// Writes small real .xlsx files cell by cell, the way Excel and LibreOffice store them (shared strings,
/// inline strings, numbers with date or percent formats, booleans, formulas with cached values), for the reader tests.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, bool Hidden, List<TestCell> Cells)> sheets = [];

    /// <summary>Uses the 1904 date system (old Mac Excel files).</summary>
    public bool Date1904 { get; init; }

    /// <summary>Ranges merged in every sheet ("B3:B5"), as "Fusionner et centrer" stores them.</summary>
    public IReadOnlyList<string> Merged { get; init; } = [];

    /// <summary>Adds a sheet with cells.</summary>
    public TestWorkbook Sheet(string name, params TestCell[] cells) => Sheet(name, false, cells);

    /// <summary>Adds a sheet, possibly hidden.</summary>
    public TestWorkbook Sheet(string name, bool hidden, params TestCell[] cells)
    {
        sheets.Add((name, hidden, [.. cells]));
        return this;
    }

    /// <summary>A row of shared-string texts starting at column A of <paramref name="row"/>.</summary>
    public static TestCell[] Texts(int row, params string[] texts) =>
        [.. texts.Select((t, i) => new TestCell($"{(char)('A' + i)}{row}", StoredAs.SharedString, t))];

    /// <summary>Writes the workbook to a new temporary file and returns its path.</summary>
    public string Save(string? directory = null)
    {
        directory ??= TempDirectory.Create();
        var path = Path.Combine(directory, $"classeur-{Guid.NewGuid():N}.xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var shared = new List<string>();
        var sheetList = new Sheets();
        foreach (var (name, hidden, cells) in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var rows = cells.GroupBy(c => RowOf(c.Reference)).OrderBy(g => g.Key)
                .Select(g => new Row(g.OrderBy(c => c.Reference.Length).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(c => Make(c, shared))) { RowIndex = (uint)g.Key });
            part.Worksheet = Merged.Count == 0
                ? new Worksheet(new SheetData(rows))
                : new Worksheet(new SheetData(rows), new MergeCells(Merged.Select(m => new MergeCell { Reference = m })));
            var sheet = new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheetList.ChildElements.Count + 1, Name = name };
            if (hidden) sheet.State = SheetStateValues.Hidden;
            sheetList.Append(sheet);
        }
        if (shared.Count > 0)
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = Date1904 ? true : null }, sheetList);
        return path;
    }

    private static Cell Make(TestCell c, List<string> shared)
    {
        var cell = new Cell { CellReference = c.Reference };
        switch (c.Kind)
        {
            case StoredAs.SharedString:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(Index(shared, c.Text).ToString(CultureInfo.InvariantCulture));
                break;
            case StoredAs.SharedStringIndex:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(c.Text);
                break;
            case StoredAs.InlineString:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(c.Text) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case StoredAs.Boolean:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(c.Text);
                break;
            case StoredAs.Formula:
                cell.CellFormula = new CellFormula(c.Text);
                if (c.Cached is not null) cell.CellValue = new CellValue(c.Cached);
                break;
            default:
                cell.CellValue = new CellValue(c.Text);
                cell.StyleIndex = c.Kind switch
                {
                    StoredAs.BuiltinDate => 1u, StoredAs.CustomDate => 2u, StoredAs.Percent => 3u, StoredAs.LibreOfficeDate => 4u, _ => null,
                };
                break;
        }
        return cell;
    }

    private static int Index(List<string> shared, string text)
    {
        var i = shared.IndexOf(text);
        if (i >= 0) return i;
        shared.Add(text);
        return shared.Count - 1;
    }

    private static int RowOf(string reference) => int.Parse(reference.TrimStart([.. Enumerable.Range('A', 26).Select(i => (char)i)]), CultureInfo.InvariantCulture);

    /// <summary>Styles: 0 general, 1 built-in date (14), 2 custom dd/mm/yyyy, 3 built-in percent (9), 4 LibreOffice's "[$-40C]DD/MM/YYYY".</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-40C]DD/MM/YYYY" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));
}

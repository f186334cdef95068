using ClosedXML.Excel;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// The hidden "Listes" sheet that holds the choices of the drop-down lists, one column per list, each exposed
/// by a workbook-level name (liste_1, liste_2…). Lists kept in cells, unlike literal lists in the validation
/// itself, have no 255-character limit and accept labels that contain commas or quotes.
/// </summary>
internal sealed class WorkbookLists
{
    /// <summary>Name of the hidden sheet.</summary>
    public const string SheetName = "Listes";

    private readonly List<(string Title, IReadOnlyList<string> Items)> lists = [];

    /// <summary>Adds a list and returns the defined name a validation refers to.</summary>
    /// <param name="title">Header of its column (the indicator code or "vague").</param>
    /// <param name="items">The choices, in order.</param>
    public string Add(string title, IReadOnlyList<string> items)
    {
        lists.Add((title, items));
        return NameOf(lists.Count - 1);
    }

    /// <summary>Fills the hidden sheet (locked, protected) and names each list's cells in the workbook.</summary>
    /// <param name="workbook">The workbook.</param>
    public void Write(XLWorkbook workbook)
    {
        var sheet = workbook.AddWorksheet(SheetName);
        for (var c = 0; c < lists.Count; c++)
        {
            var (title, items) = lists[c];
            WorkbookCells.Text(sheet.Cell(1, c + 1), title, WorkbookStyle.Header);
            for (var i = 0; i < items.Count; i++) WorkbookCells.Text(sheet.Cell(i + 2, c + 1), items[i], WorkbookStyle.Locked);
            var column = XLHelper.GetColumnLetterFromNumber(c + 1);
            workbook.NamedRanges.Add(NameOf(c), $"'{SheetName}'!${column}$2:${column}${items.Count + 1}");
        }
        sheet.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash, XLSheetProtectionElements.SelectEverything);
        sheet.Hide();
    }

    private static string NameOf(int index) => $"liste_{index + 1}";
}

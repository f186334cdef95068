using DocumentFormat.OpenXml.Spreadsheet;
using ImpactEval.Collection.Import;

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

    /// <summary>The hidden sheet's content (locked, protected).</summary>
    public Worksheet BuildSheet()
    {
        var rows = new List<Row>();
        var height = lists.Count == 0 ? 0 : lists.Max(l => l.Items.Count) + 1;
        for (var r = 1; r <= height; r++)
        {
            var cells = new List<Cell>();
            for (var c = 0; c < lists.Count; c++)
            {
                var (title, items) = lists[c];
                if (r == 1) cells.Add(WorkbookCells.Text(c, r, title, WorkbookStyles.Header));
                else if (r - 2 < items.Count) cells.Add(WorkbookCells.Text(c, r, items[r - 2], WorkbookStyles.Locked));
            }
            rows.Add(WorkbookCells.Row(r, [.. cells]));
        }
        return new Worksheet(new SheetData(rows), new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    /// <summary>The workbook names pointing at each list's cells.</summary>
    public IEnumerable<DefinedName> DefinedNames() =>
        lists.Select((list, c) =>
        {
            var column = SpreadsheetReference.ColumnName(c);
            return new DefinedName($"'{SheetName}'!${column}$2:${column}${list.Items.Count + 1}") { Name = NameOf(c) };
        });

    private static string NameOf(int index) => $"liste_{index + 1}";
}

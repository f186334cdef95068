namespace ImpactEval.Collection.Import;

/// <summary>Converts between spreadsheet cell references ("C12") and 0-based column indexes.</summary>
internal static class SpreadsheetReference
{
    /// <summary>The column letters of a 0-based column index: 0 → "A", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>"C12" for column index 2 and row 12.</summary>
    public static string Cell(int columnIndex, int row) => ColumnName(columnIndex) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 0-based column index of a reference such as "C12" (or "C"), or -1 when it has no letters.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            index = index * 26 + (upper - 'A' + 1);
            letters++;
            if (letters > 3) return -1;
        }
        return letters == 0 ? -1 : index - 1;
    }
}

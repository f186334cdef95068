using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImpactEval.Reporting.Workbook;

/// <summary>
/// Puts back the full precision of numbers in a saved workbook. ClosedXML 0.95 writes every number with 15 significant
/// digits, which changes about half of all doubles (0.28295917735082665 becomes 0.282959177350827); an evaluator who
/// copies a value from the "Résultats complets" sheet into R must get the double that was computed. The cells whose
/// 15-digit text does not read back to their value are rewritten with the shortest round-trip text ("R").
/// </summary>
internal sealed class ExactNumbers
{
    private readonly Dictionary<string, Dictionary<string, double>> bySheet = new(StringComparer.Ordinal);

    /// <summary>Notes that the cell <paramref name="reference"/> ("E12") of <paramref name="sheet"/> holds <paramref name="value"/>.</summary>
    public void Note(string sheet, string reference, double value)
    {
        if (!double.IsFinite(value)) return;
        var fifteen = value.ToString("G15", CultureInfo.InvariantCulture);
        if (double.Parse(fifteen, CultureInfo.InvariantCulture) == value) return;
        if (!bySheet.TryGetValue(sheet, out var cells)) bySheet[sheet] = cells = new Dictionary<string, double>(StringComparer.Ordinal);
        cells[reference] = value;
    }

    /// <summary>The package with the noted cells' values written at full precision (the same bytes when none was noted).</summary>
    /// <param name="package">The workbook as ClosedXML saved it.</param>
    public byte[] Apply(byte[] package)
    {
        if (bySheet.Count == 0) return package;
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
            {
                if (sheet.Name?.Value is not { } name || !bySheet.TryGetValue(name, out var cells)) continue;
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
                foreach (var cell in part.Worksheet.Descendants<Cell>())
                    if (cell.CellReference?.Value is { } reference && cells.TryGetValue(reference, out var value))
                        cell.CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));
                part.Worksheet.Save();
            }
        }
        return stream.ToArray();
    }
}

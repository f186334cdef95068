using System.Xml;
using static ImpactEval.Core.Text.Typography;
using DocumentFormat.OpenXml.Packaging;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx) into the same shape as <see cref="TabularFile.ReadCsv"/>: the
/// header cells of row 1 and the data rows with their real spreadsheet row number as <see cref="TabularRow.Line"/>,
/// so that every problem the importers report points at the row and column the user sees.
/// </summary>
/// <remarks>
/// <para>
/// Reading (<see cref="XlsxSheetReader"/>) opens the package with the Open XML SDK and streams the sheet's XML
/// rather than using ExcelDataReader: one row at a time with bounded memory, shared and inline strings alike, and —
/// unlike ExcelDataReader, which only returns cached values — it tells which cells hold a formula, and lets
/// ImpactEval decide how dates and percentages are turned into text. Workbooks over the <see cref="XlsxLimits"/> are
/// refused with one problem.
/// </para>
/// <para>
/// Cell texts are what the user sees: numbers as invariant round-trip text ("12.5", which
/// <see cref="Core.Text.FrenchNumber.TryParse"/> accepts), date-formatted numbers as "dd/MM/yyyy",
/// percent-formatted numbers as the percentage shown ("85%" for 0.85, read as 85 in the indicator's unit),
/// booleans as "oui" / "non".
/// </para>
/// <para>
/// Formula cells are refused, like formulas in CSV files: each one is reported as "La cellule contient une
/// formule" at its row and column, and the import writes nothing. Their cached results are not taken, because a
/// cached result may be stale or missing (files written by programs, manual recalculation) and ImpactEval cannot
/// recompute it; the stored value must be one a person typed or chose. The formula itself is not echoed in the
/// problem, since the reader does not know whether the column holds identifiers (personal data).
/// </para>
/// <para>
/// The header is spreadsheet row 1; trailing empty header cells are ignored; empty rows are skipped; a filled
/// cell to the right of the last header is reported. Merged cells within the header's columns are refused (only the
/// first cell of a merged range holds the value: the others would be read empty), and so is a cell naming a shared
/// string that does not exist (a damaged file). Without a sheet name the first visible worksheet is read.
/// </para>
/// </remarks>
public static class XlsxTable
{
    internal const string FormulaMessage = "La cellule contient une formule, pas une valeur.";
    internal const string FormulaHint = "Remplacez la formule par sa valeur (copier, puis collage spécial «\u202Fvaleurs\u202F»).";
    internal const string UnreadableMessage = "Le fichier n’est pas un classeur Excel (.xlsx) lisible.";
    internal const string UnreadableHint =
        "S’il vient de LibreOffice (.ods) ou s’il est endommagé, ouvrez-le et enregistrez-le au format .xlsx ou CSV (séparateur point-virgule).";

    /// <summary>Reads the header and streams the rows of one sheet of an .xlsx workbook.</summary>
    /// <param name="stream">The workbook's bytes (seekable; left open, and reopened when the rows are enumerated).</param>
    /// <param name="fileName">Name for problems.</param>
    /// <param name="problems">Where problems go (the header's at once, the rows' while they are enumerated).</param>
    /// <param name="headers">The header cells of row 1, trimmed; empty when the sheet cannot be read.</param>
    /// <param name="sheet">The sheet's name (case-insensitive), or null for the first visible worksheet.</param>
    /// <returns>The data rows (row 2 onwards), each with as many cells as there are headers.</returns>
    public static IEnumerable<TabularRow> Read(Stream stream, string fileName, List<ImportProblem> problems, out string[] headers, string? sheet = null)
    {
        headers = [];
        var before = problems.Count;
        XlsxSheetReader? rowsReader;
        using (var reader = TryOpen(stream, fileName, sheet, problems))
        {
            if (reader is null) return [];
            var sheetName = reader.SheetName;
            XlsxRow? first;
            if (!TryRead(reader, fileName, problems, out first)) return [];
            if (first is null || first.Number != 1 || first.Cells.All(c => c.Text.Trim().Length == 0 && !c.IsFormula && c.MissingSharedString is null))
            {
                problems.Add(first is null
                    ? new ImportProblem(fileName, 1, 1, null, null, $"La feuille {Quote(sheetName)} est vide.", "La feuille doit commencer par une ligne d’en-têtes (identifiant, vague, …).")
                    : new ImportProblem(fileName, 1, 1, null, null, $"La ligne 1 de la feuille {Quote(sheetName)} doit contenir les en-têtes.",
                        "Supprimez les lignes vides ou les titres au-dessus des en-têtes\u202F: les en-têtes doivent être en ligne 1."));
                return [];
            }
            var width = first.Cells.Max(c => c.Column) + 1;
            headers = new string[width];
            Array.Fill(headers, "");
            foreach (var cell in first.Cells)
            {
                headers[cell.Column] = cell.Text.Trim();
                CellProblems(cell, 1, null, fileName, problems);
            }
            foreach (var range in reader.MergedRanges.Where(r => r.FirstColumn < width))
            {
                problems.Add(new ImportProblem(fileName, range.FirstRow, range.FirstColumn + 1, range.FirstRow > 1 ? NullIfEmpty(headers[range.FirstColumn]) : null, null,
                    $"Les cellules {range.Reference} de la feuille {Quote(sheetName)} sont fusionnées\u202F: seule la première garde sa valeur, les autres seraient lues vides.",
                    "Annulez la fusion (Accueil > Fusionner et centrer) et recopiez la valeur dans chaque cellule."));
                if (ImportProblem.CapReached(problems, fileName, range.FirstRow)) break;
            }
            if (problems.Count > before) return [];
            try
            {
                rowsReader = reader.Reopen(stream);
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                problems.Add(Unreadable(fileName));
                return [];
            }
        }
        return Rows(rowsReader, fileName, headers, problems);
    }

    private static IEnumerable<TabularRow> Rows(XlsxSheetReader reader, string fileName, string[] headers, List<ImportProblem> problems)
    {
        using var owned = reader;
        var width = headers.Length;
        while (true)
        {
            if (!TryRead(reader, fileName, problems, out var row) || row is null) yield break;
            if (row.Number <= 1 || row.Cells.All(c => c.Text.Trim().Length == 0 && !c.IsFormula && c.MissingSharedString is null)) continue;
            if (row.Cells.FirstOrDefault(c => c.Column >= width && (c.Text.Trim().Length > 0 || c.IsFormula)) is { Column: var column } && column >= width)
            {
                problems.Add(new ImportProblem(fileName, row.Number, column + 1, null, null,
                    $"La cellule {SpreadsheetReference.Cell(column, row.Number)} est remplie alors que l’en-tête n’a que {width} colonnes.",
                    "Donnez un en-tête à cette colonne en ligne 1, ou videz la cellule."));
                continue;
            }
            var cells = new string[width];
            Array.Fill(cells, "");
            foreach (var cell in row.Cells)
            {
                if (cell.Column >= width) continue;
                cells[cell.Column] = cell.Text;
                CellProblems(cell, row.Number, NullIfEmpty(headers[cell.Column]), fileName, problems);
            }
            yield return new TabularRow(row.Number, cells);
        }
    }

    /// <summary>Reads the next row, turning a broken or oversized workbook into one problem; false when reading stops.</summary>
    private static bool TryRead(XlsxSheetReader reader, string fileName, List<ImportProblem> problems, out XlsxRow? row)
    {
        try
        {
            if (!reader.TryRead(out var read)) read = null;
            row = read;
            return true;
        }
        catch (XlsxRefusedException e)
        {
            problems.Add(new ImportProblem(fileName, e.Line, e.Column, null, null, e.Message, e.Hint));
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            problems.Add(Unreadable(fileName));
        }
        row = null;
        return false;
    }

    /// <summary>A formula or a broken shared-string reference in a cell.</summary>
    private static void CellProblems(XlsxCell cell, int line, string? header, string fileName, List<ImportProblem> problems)
    {
        if (cell.IsFormula) problems.Add(new ImportProblem(fileName, line, cell.Column + 1, header, null, FormulaMessage, FormulaHint));
        if (cell.MissingSharedString is { } index)
            problems.Add(new ImportProblem(fileName, line, cell.Column + 1, header, null,
                $"La cellule {SpreadsheetReference.Cell(cell.Column, line)} renvoie au texte partagé n° {index}, absent du classeur\u202F: le fichier est abîmé.",
                "Ouvrez le classeur dans un tableur, vérifiez la cellule et enregistrez-le de nouveau, ou exportez la feuille en CSV."));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static XlsxSheetReader? TryOpen(Stream stream, string fileName, string? sheet, List<ImportProblem> problems)
    {
        try
        {
            var reader = XlsxSheetReader.Open(stream, sheet, out var error, out var hint);
            if (reader is null) problems.Add(new ImportProblem(fileName, 0, null, null, null, error!, hint));
            return reader;
        }
        catch (XlsxRefusedException e)
        {
            problems.Add(new ImportProblem(fileName, e.Line, e.Column, null, null, e.Message, e.Hint));
            return null;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            problems.Add(Unreadable(fileName));
            return null;
        }
    }

    private static bool IsUnreadable(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or NotSupportedException;

    private static ImportProblem Unreadable(string fileName) =>
        new(fileName, 0, null, null, null, UnreadableMessage, UnreadableHint);
}

using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Import;

/// <summary>One stored cell of a sheet row: 0-based column, text as the importers read it, whether it holds a formula,
/// and the index of the shared string it names when that string does not exist.</summary>
internal readonly record struct XlsxCell(int Column, string Text, bool IsFormula, long? MissingSharedString = null);

/// <summary>One stored row of a sheet: its spreadsheet row number (1-based) and its non-empty cells in column order.</summary>
internal sealed record XlsxRow(int Number, List<XlsxCell> Cells);

/// <summary>A merged range of a sheet, 0-based columns and 1-based rows, with its reference as written ("B3:B7").</summary>
internal readonly record struct XlsxMergedRange(string Reference, int FirstColumn, int FirstRow, int LastColumn, int LastRow);

/// <summary>
/// Streams the rows of one worksheet with a plain <see cref="XmlReader"/> over the decompressed part: only one row is
/// held at a time, each text is read in chunks and cut at <see cref="FieldLimits.Cell"/> characters, and every part is
/// read through a <see cref="BoundedStream"/> (<see cref="XlsxLimits"/>). Memory is bounded by the shared-string
/// table (capped) and the widest row, not by the number of rows or by what the archive claims.
/// </summary>
/// <remarks>
/// The Open XML SDK opens the package and reads the small parts (workbook, sheet list, styles); the sheet and the
/// shared strings are read here, because the SDK's element objects would materialise a whole shared string or row,
/// whatever its size, before any limit could be checked. The shared strings and the merged ranges are read once by
/// <see cref="Open"/> and shared by the readers <see cref="Reopen"/> makes.
/// </remarks>
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly XmlReader xml;
    private readonly Shared shared;
    private readonly XlsxXmlText texts;
    private int lastRow;

    /// <summary>What every reader of the same sheet shares.</summary>
    private sealed record Shared(string SheetId, string SheetName, List<string> Strings, XlsxNumberFormat Formats, bool Date1904, List<XlsxMergedRange> Merged);

    private XlsxSheetReader(SpreadsheetDocument document, Shared shared)
    {
        this.document = document;
        this.shared = shared;
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(shared.SheetId);
        xml = Xml(part, XlsxLimits.Sheet, "la feuille");
        texts = new XlsxXmlText(xml);
    }

    /// <summary>The name of the sheet being read.</summary>
    public string SheetName => shared.SheetName;

    /// <summary>The merged ranges of the sheet.</summary>
    public IReadOnlyList<XlsxMergedRange> MergedRanges => shared.Merged;

    /// <summary>
    /// Opens the sheet named <paramref name="sheet"/> (case-insensitive), or the first visible worksheet when null.
    /// Returns null and a French reason when the workbook cannot be read or has no such sheet.
    /// </summary>
    /// <exception cref="OpenXmlPackageException">The stream is not an Open XML package.</exception>
    /// <exception cref="XlsxRefusedException">The workbook is over one of the <see cref="XlsxLimits"/>.</exception>
    public static XlsxSheetReader? Open(Stream stream, string? sheet, out string? error, out string? hint)
    {
        error = hint = null;
        var sizes = DeclaredSizes(stream);
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
            foreach (var (name, size) in sizes)
            {
                var (what, limit) = Is(workbook.SharedStringTablePart, name) ? ("la table des textes partagés", XlsxLimits.SharedStrings)
                    : Is(workbook, name) || Is(workbook.WorkbookStylesPart, name) ? ($"la partie {name}", XlsxLimits.OtherPart)
                    : ("une feuille", XlsxLimits.Sheet);
                if (size > limit) throw TooLarge(what, limit);
            }
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>()
                .Where(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart).ToList() ?? [];
            var chosen = sheet is null
                ? sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                error = sheet is null ? "Le classeur ne contient aucune feuille de données visible." : $"La feuille {Typography.Quote(sheet)} n’existe pas dans le classeur.";
                hint = sheets.Count == 0 ? "Enregistrez le tableau dans un classeur .xlsx ou en CSV." : $"Feuilles du classeur\u202F: {string.Join(", ", sheets.Select(s => s.Name?.Value))}.";
                document.Dispose();
                return null;
            }
            var part = (WorksheetPart)workbook.GetPartById(chosen.Id!.Value!);
            var shared = new Shared(chosen.Id!.Value!, chosen.Name?.Value ?? "", ReadSharedStrings(workbook.SharedStringTablePart), XlsxNumberFormat.Read(workbook),
                workbook.Workbook.WorkbookProperties?.Date1904?.Value ?? false, ReadMergedRanges(part));
            return new XlsxSheetReader(document, shared);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>A new reader of the same sheet from its first row, sharing the strings, styles and merged ranges already read.</summary>
    /// <param name="stream">The same workbook's bytes.</param>
    public XlsxSheetReader Reopen(Stream stream)
    {
        stream.Position = 0;
        var again = SpreadsheetDocument.Open(stream, false);
        try
        {
            return new XlsxSheetReader(again, shared);
        }
        catch
        {
            again.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next stored row; false at the end of the sheet.</summary>
    /// <exception cref="XmlException">The sheet's XML is broken.</exception>
    /// <exception cref="XlsxRefusedException">A cell holds more than <see cref="FieldLimits.Cell"/> characters, or the sheet is over its limit.</exception>
    public bool TryRead(out XlsxRow row)
    {
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "row")
            {
                row = ReadRow();
                return true;
            }
        }
        row = null!;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        xml.Dispose();
        document.Dispose();
    }

    private XlsxRow ReadRow()
    {
        var number = Integer(xml.GetAttribute("r")) is { } index and > 0 ? index : lastRow + 1;
        lastRow = number;
        var cells = new List<XlsxCell>();
        if (xml.IsEmptyElement) return new XlsxRow(number, cells);
        var depth = xml.Depth;
        var column = -1;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            column = xml.GetAttribute("r") is { } reference && SpreadsheetReference.ColumnIndex(reference) is >= 0 and var at ? at : column + 1;
            var cell = ReadCell(number, column);
            if (cell.Text.Length > 0 || cell.IsFormula || cell.MissingSharedString is not null) cells.Add(cell);
        }
        return new XlsxRow(number, cells);
    }

    private XlsxCell ReadCell(int row, int column)
    {
        var type = xml.GetAttribute("t");
        var style = Integer(xml.GetAttribute("s")) is { } s and >= 0 ? (uint?)s : null;
        string raw = "";
        string? inline = null;
        var formula = false;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "v":
                            raw = texts.Element(() => new XlsxRefusedException(CellTooLong(row, column), CellTooLongHint, row, column + 1));
                            break;
                        case "is":
                            inline = texts.Rich(() => new XlsxRefusedException(CellTooLong(row, column), CellTooLongHint, row, column + 1));
                            break;
                        case "f":
                            formula = true;
                            xml.Skip();
                            continue;
                        default:
                            xml.Skip();
                            continue;
                    }
                }
                if (!xml.Read()) throw new XmlException("truncated cell");
            }
        }
        var value = XlsxCellText.Of(type, style, raw, inline, shared.Strings, shared.Formats, shared.Date1904, out var missing);
        return new XlsxCell(column, value, formula, missing);
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var xml = Xml(part, XlsxLimits.SharedStrings, "la table des textes partagés");
        var texts = new XlsxXmlText(xml);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            var index = strings.Count;
            strings.Add(texts.Rich(() => new XlsxRefusedException(
                $"Le texte partagé n° {index} du classeur dépasse {FieldLimits.Cell.ToString("N0", FrenchNumber.Culture)} caractères, le plus qu’une cellule de tableur puisse contenir.",
                CellTooLongHint)));
        }
        return strings;
    }

    /// <summary>The merged ranges of a sheet: its <c>mergeCells</c> come after the rows, so the rows are skipped unread.</summary>
    private static List<XlsxMergedRange> ReadMergedRanges(WorksheetPart part)
    {
        var ranges = new List<XlsxMergedRange>();
        using var xml = Xml(part, XlsxLimits.Sheet, "la feuille");
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "mergeCell" && xml.GetAttribute("ref") is { } reference && Range(reference) is { } range)
                ranges.Add(range);
            xml.Read();
        }
        return ranges;
    }

    private static XlsxMergedRange? Range(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length != 2) return null;
        var (c1, r1) = (SpreadsheetReference.ColumnIndex(parts[0]), Integer(parts[0].AsSpan().TrimStart(Letters).ToString()));
        var (c2, r2) = (SpreadsheetReference.ColumnIndex(parts[1]), Integer(parts[1].AsSpan().TrimStart(Letters).ToString()));
        if (c1 < 0 || c2 < 0 || r1 is not > 0 || r2 is not > 0) return null;
        return new XlsxMergedRange(reference, Math.Min(c1, c2), Math.Min(r1.Value, r2.Value), Math.Max(c1, c2), Math.Max(r1.Value, r2.Value));
    }

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$";

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An XML reader over a decompressed part, refusing DTDs and stopping at <paramref name="limit"/> bytes.</summary>
    private static XmlReader Xml(OpenXmlPart part, long limit, string what)
    {
        var stream = new BoundedStream(part.GetStream(FileMode.Open, FileAccess.Read), limit, () => TooLarge(what, limit));
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    /// <summary>Whether an archive entry ("/xl/sharedStrings.xml") is the part (part names are case-insensitive and may be escaped).</summary>
    private static bool Is(OpenXmlPart? part, string entry) =>
        part is not null && string.Equals(Uri.UnescapeDataString(part.Uri.OriginalString), Uri.UnescapeDataString(entry), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The uncompressed sizes the archive declares for its entries, by part name ("/xl/sharedStrings.xml"); the entries
    /// the package reader parses on opening (content types, relationships) are checked here, before it opens.
    /// </summary>
    private static List<(string Name, long Size)> DeclaredSizes(Stream stream)
    {
        if (stream.Length > XlsxLimits.File) throw TooLarge("le fichier", XlsxLimits.File);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sizes = zip.Entries.Select(e => (Name: "/" + e.FullName, Size: e.Length)).ToList();
        foreach (var (name, size) in sizes)
            if ((name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name.Equals("/[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) && size > XlsxLimits.OtherPart)
                throw TooLarge($"la partie {name}", XlsxLimits.OtherPart);
        return sizes;
    }

    private static XlsxRefusedException TooLarge(string what, long limit) => new(
        what == "le fichier"
            ? $"Le classeur est trop volumineux\u202F: le fichier dépasse {XlsxLimits.Describe(limit)}, la limite d’ImpactEval."
            : $"Le classeur est trop volumineux\u202F: {what} dépasse {XlsxLimits.Describe(limit)} une fois décompressée, la limite d’ImpactEval.",
        "Un classeur de collecte tient en quelques mégaoctets\u202F: enregistrez seulement la feuille des données dans un nouveau classeur, ou exportez-la en CSV (séparateur point-virgule).");

    private static string CellTooLong(int row, int column) =>
        $"La cellule {SpreadsheetReference.Cell(column, row)} dépasse {FieldLimits.Cell.ToString("N0", FrenchNumber.Culture)} caractères, le plus qu’une cellule de tableur puisse contenir.";

    private const string CellTooLongHint = "Le classeur n’a pas été écrit par un tableur ou il est abîmé\u202F: enregistrez la feuille dans un nouveau classeur, ou en CSV.";
}

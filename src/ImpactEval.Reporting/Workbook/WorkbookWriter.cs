using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.Workbook;

/// <summary>
/// Writes report tables to an Excel workbook (.xlsx) with the Open XML SDK: a README sheet in French first, then one
/// sheet per table with its header row frozen; numbers stored as numbers with a number format (counts "# ##0",
/// decimals, percentages, p-values), hidden values as the text "s". Text cells that a spreadsheet could read as a
/// formula (starting with =, +, -, @, tab or carriage return) are neutralised with a leading apostrophe.
/// Deterministic: the same content gives the same bytes (package timestamps and relationship ids are fixed).
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

    /// <summary>Writes the workbook and returns its bytes.</summary>
    public static byte[] Write(Content content)
    {
        using var raw = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(raw, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var styles = new StyleSheetBuilder();
            var strings = new SharedStrings();
            var sheets = new Sheets();
            uint sheetId = 1;

            var readme = BuildReadme(content, styles, strings);
            AddSheet(workbookPart, sheets, ref sheetId, ReadmeSheet, readme);
            foreach (var table in content.Tables)
                AddSheet(workbookPart, sheets, ref sheetId, table.SheetName, BuildTable(table, styles, strings));

            workbookPart.Workbook.Append(new BookViews(new WorkbookView()));
            workbookPart.Workbook.Append(sheets);
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = styles.Build();
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
            stringsPart.SharedStringTable = strings.Build();
            document.PackageProperties.Creator = "ImpactEval";
            document.PackageProperties.Title = content.Title;
            document.PackageProperties.Created = content.GeneratedAt.UtcDateTime;
            document.PackageProperties.Modified = content.GeneratedAt.UtcDateTime;
        }
        return Normalise(raw.ToArray());
    }

    /// <summary>
    /// Rewrites the package deterministically: same entry order, a fixed entry timestamp, and the package-level
    /// relationship ids that System.IO.Packaging draws at random replaced by stable ones.
    /// </summary>
    private static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return (e.FullName, Bytes: m.ToArray());
        }).ToList();
        // Random ids look like "R" followed by 16 hexadecimal digits; map them in order of appearance. The core
        // properties part gets a random file name too: give it a fixed one.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var pattern = new System.Text.RegularExpressions.Regex("\"(R[0-9a-f]{16})\"");
        var corePart = new System.Text.RegularExpressions.Regex("core-properties/[0-9a-f]{32}\\.psmdcp");
        for (var i = 0; i < entries.Count; i++)
        {
            var name = corePart.Replace(entries[i].FullName, "core-properties/core.psmdcp");
            if (!name.EndsWith(".rels", StringComparison.Ordinal) && !name.EndsWith(".xml", StringComparison.Ordinal))
            {
                entries[i] = (name, entries[i].Bytes);
                continue;
            }
            var text = System.Text.Encoding.UTF8.GetString(entries[i].Bytes);
            var replaced = corePart.Replace(pattern.Replace(text, m =>
            {
                if (!ids.TryGetValue(m.Groups[1].Value, out var id)) ids[m.Groups[1].Value] = id = "rIdPkg" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                return "\"" + id + "\"";
            }), "core-properties/core.psmdcp");
            entries[i] = (name, text == replaced ? entries[i].Bytes : System.Text.Encoding.UTF8.GetBytes(replaced));
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, ref uint sheetId, string name, Worksheet worksheet)
    {
        var id = "rIdSheet" + sheetId.ToString(CultureInfo.InvariantCulture);
        var part = workbookPart.AddNewPart<WorksheetPart>(id);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = id, SheetId = sheetId, Name = name });
        sheetId++;
    }

    private static Worksheet BuildReadme(Content content, StyleSheetBuilder styles, SharedStrings strings)
    {
        var data = new SheetData();
        uint r = 1;
        data.Append(Row(r++, [TextCell("A", r - 1, content.Title, styles.Title, strings)]));
        r++;
        foreach (var (label, value) in content.ReadmeLines)
        {
            data.Append(Row(r, [TextCell("A", r, label, styles.Bold, strings), TextCell("B", r, value, styles.Wrapped, strings)]));
            r++;
        }
        r++;
        data.Append(Row(r, [TextCell("A", r, "Feuille", styles.Header, strings), TextCell("B", r, "Contenu", styles.Header, strings)]));
        r++;
        foreach (var table in content.Tables)
        {
            data.Append(Row(r, [TextCell("A", r, table.SheetName, styles.Bold, strings), TextCell("B", r, table.Title + (table.Note is null ? "" : " — " + table.Note), styles.Wrapped, strings)]));
            r++;
        }
        return new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 34, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 110, CustomWidth = true }),
            data);
    }

    private static Worksheet BuildTable(ReportTable table, StyleSheetBuilder styles, SharedStrings strings)
    {
        var data = new SheetData();
        var header = new List<Cell>();
        for (var c = 0; c < table.Columns.Length; c++)
            header.Add(TextCell(ColumnName(c), 1, table.Columns[c].Header, styles.Header, strings));
        data.Append(Row(1, header));
        uint r = 2;
        var widths = table.Columns.Select(c => (double)Math.Max(10, c.Header.Length + 2)).ToArray();
        foreach (var row in table.Rows)
        {
            var cells = new List<Cell>();
            for (var c = 0; c < row.Cells.Length && c < table.Columns.Length; c++)
            {
                var cell = row.Cells[c];
                var reference = ColumnName(c) + r.ToString(CultureInfo.InvariantCulture);
                if (cell.IsNumeric && cell.Value is { } v && !cell.IsSuppressed)
                {
                    cells.Add(new Cell { CellReference = reference, StyleIndex = styles.Number(cell.Kind, cell.Decimals, row.IsTotal), CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)) });
                    widths[c] = Math.Max(widths[c], cell.Text.Length + 2);
                }
                else if (cell.IsNumeric && !cell.IsSuppressed && cell.Value is null && cell.Text == Formatting.French.NotAvailable)
                {
                    // Missing value: an empty cell, so that sums and filters work.
                }
                else
                {
                    var long_ = cell.Text.Length > 60;
                    cells.Add(TextCell(ColumnName(c), r, cell.Text, long_ ? styles.Wrapped : row.IsTotal ? styles.Bold : cell.IsSuppressed ? styles.Suppressed : 0, strings));
                    widths[c] = Math.Min(long_ ? 90 : 60, Math.Max(widths[c], cell.Text.Length + 2));
                }
            }
            data.Append(Row(r, cells));
            r++;
        }
        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Round(widths[c], 1), CustomWidth = true });
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        var worksheet = new Worksheet(new SheetViews(view), columns, data);
        if (table.Rows.Length > 0)
            worksheet.Append(new AutoFilter { Reference = $"A1:{ColumnName(table.Columns.Length - 1)}{table.Rows.Length + 1}" });
        return worksheet;
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var cell in cells) row.Append(cell);
        return row;
    }

    private static Cell TextCell(string column, uint row, string text, uint style, SharedStrings strings) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.SharedString,
        StyleIndex = style,
        CellValue = new CellValue(strings.Index(Neutralise(text)).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// Prefixes with an apostrophe a text that a spreadsheet could take for a formula (OWASP "CSV injection"):
    /// one starting with =, +, -, @, a tab or a carriage return.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>"A", "B", …, "Z", "AA" for a 0-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public int Index(string text)
        {
            if (index.TryGetValue(text, out var i)) return i;
            index[text] = items.Count;
            items.Add(text);
            return items.Count - 1;
        }

        public SharedStringTable Build()
        {
            var table = new SharedStringTable { Count = (uint)items.Count, UniqueCount = (uint)items.Count };
            foreach (var item in items)
                table.Append(new SharedStringItem(new Text(item) { Space = SpaceProcessingModeValues.Preserve }));
            return table;
        }
    }

    /// <summary>Cell formats created on demand, in a fixed order for determinism.</summary>
    private sealed class StyleSheetBuilder
    {
        private readonly List<(uint NumberFormat, uint Font, uint Fill, uint Border, bool Wrap)> formats = [(0, 0, 0, 0, false)];
        private readonly Dictionary<(uint, uint, uint, uint, bool), uint> indexOf = new() { [(0, 0, 0, 0, false)] = 0 };
        private readonly List<(uint Id, string Code)> numberFormats = [];

        public StyleSheetBuilder()
        {
            Title = Format(0, 2, 0, 0, false);
            Bold = Format(0, 1, 0, 0, false);
            Header = Format(0, 1, 2, 1, true);
            Wrapped = Format(0, 0, 0, 0, true);
            Suppressed = Format(0, 3, 0, 0, false);
        }

        public uint Title { get; }
        public uint Bold { get; }
        public uint Header { get; }
        public uint Wrapped { get; }
        public uint Suppressed { get; }

        public uint Number(CellKind kind, int decimals, bool bold)
        {
            var code = kind switch
            {
                CellKind.Count => "#,##0",
                CellKind.Percent => decimals == 0 ? "0%" : "0." + new string('0', decimals) + "%",
                CellKind.PValue => "0.000",
                _ => decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals),
            };
            var id = numberFormats.FirstOrDefault(f => f.Code == code).Id;
            if (id == 0)
            {
                id = (uint)(164 + numberFormats.Count);
                numberFormats.Add((id, code));
            }
            return Format(id, bold ? 1u : 0u, 0, 0, false);
        }

        private uint Format(uint numberFormat, uint font, uint fill, uint border, bool wrap)
        {
            var key = (numberFormat, font, fill, border, wrap);
            if (indexOf.TryGetValue(key, out var i)) return i;
            formats.Add(key);
            indexOf[key] = (uint)(formats.Count - 1);
            return (uint)(formats.Count - 1);
        }

        public Stylesheet Build()
        {
            var numbering = new NumberingFormats { Count = (uint)numberFormats.Count };
            foreach (var (id, code) in numberFormats) numbering.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            var fonts = new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
                new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" })) { Count = 4 };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E2EC" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 };
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 };
            var cellFormats = new CellFormats { Count = (uint)formats.Count };
            foreach (var (nf, font, fill, border, wrap) in formats)
            {
                var format = new CellFormat { NumberFormatId = nf, FontId = font, FillId = fill, BorderId = border, FormatId = 0 };
                if (nf != 0) format.ApplyNumberFormat = true;
                if (font != 0) format.ApplyFont = true;
                if (fill != 0) format.ApplyFill = true;
                if (border != 0) format.ApplyBorder = true;
                if (wrap)
                {
                    format.ApplyAlignment = true;
                    format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
                }
                cellFormats.Append(format);
            }
            var stylesheet = new Stylesheet();
            if (numberFormats.Count > 0) stylesheet.Append(numbering);
            stylesheet.Append(fonts, fills, borders,
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
            return stylesheet;
        }
    }
}

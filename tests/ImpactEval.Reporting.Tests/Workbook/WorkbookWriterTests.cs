using System.Globalization;
using System.IO.Compression;
using System.Text;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.Reporting.Workbook;
using Xunit;

namespace ImpactEval.Reporting.Tests.Workbook;

public class WorkbookWriterTests
{
    private static readonly ReportRenderer Renderer = new(Demo.TemplatesDirectory);

    private static string Save(byte[] bytes, string name)
    {
        var path = Path.Combine(Demo.TempDirectory("xlsx"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static double Number(string text) =>
        double.Parse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture) / (text.EndsWith('%') ? 100 : 1);

    // The evaluator opens the workbook in a real spreadsheet program: a README sheet, one sheet per table, and every number
    // equal to the one in the report model (stored as a number, not as text).
    [Fact]
    public void Write_SampleReport_LibreOfficeReadsEverySheetWithTheModelValues()
    {
        var model = SampleReports.Full();
        var path = Save(Renderer.RenderXlsx(model), "rapport.xlsx");

        var sheets = LibreOffice.Sheets(path);

        var expected = model.Tables.Where(t => t.InWorkbook).ToList();
        Assert.Equal(expected.Select(t => t.SheetName).Append(WorkbookWriter.ReadmeSheet).Order(StringComparer.Ordinal), sheets.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(sheets[WorkbookWriter.ReadmeSheet], r => r[0] == "Secret statistique");
        foreach (var table in expected)
        {
            var rows = sheets[table.SheetName];
            Assert.Equal(table.Columns.Select(c => Typography.Apply(c.Header)), rows[0].Take(table.Columns.Length));
            Assert.Equal(table.Rows.Length, rows.Count - 1);
            for (var r = 0; r < table.Rows.Length; r++)
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var cell = table.Rows[r].Cells[c];
                var actual = c < rows[r + 1].Length ? rows[r + 1][c] : "";
                if (cell.IsSuppressed) Assert.Equal("s", actual);
                else if (cell.Value is { } v) Assert.Equal(v, Number(actual), 6);
                else if (cell.Text == ImpactEval.Reporting.Formatting.French.NotApplicable) Assert.Equal("sans objet", actual); // absent by design, written out
                else if (!cell.IsNumeric) Assert.Equal(Typography.Apply(cell.Text), actual); // text and sentences: the cell text (a group's full label, not its code) in French typography
                else Assert.Equal("", actual);
            }
        }
    }

    // A group label typed as "=1+1" or "@SUM(A1)" by a user must never become a formula in the evaluator's spreadsheet.
    [Fact]
    public void Write_TextLikeFormula_NeutralisedInLibreOffice()
    {
        var table = new ReportTable("t", "Test", "Injection", null, [new("Groupe", CellKind.Text), new("n", CellKind.Count)],
        [
            new TableRow([Cells.Text("=1+1"), new TableCell("12", 12, CellKind.Count, 0, false)]),
            new TableRow([Cells.Text("@SUM(A1)"), new TableCell("7", 7, CellKind.Count, 0, false)]),
            new TableRow([Cells.Text("-2+3"), new TableCell("9", 9, CellKind.Count, 0, false)]),
            new TableRow([Cells.Text("+33 1 23"), new TableCell("5", 5, CellKind.Count, 0, false)]),
        ], true);
        var path = Save(WorkbookWriter.Write(new WorkbookWriter.Content("Test", [], [table], SampleReports.SampleTimestamp)), "injection.xlsx");

        var rows = LibreOffice.Sheets(path)["Injection"];

        Assert.Equal(["'=1+1", "'@SUM(A1)", "\u22122+3", "'+33 1 23"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["12", "7", "9", "5"], rows.Skip(1).Select(r => r[1]));
    }

    // Excel refuses, or "repairs", a workbook that is not valid Office Open XML: the report's and the national
    // synthesis's must validate.
    [Fact]
    public void Write_SampleReportAndNationalSynthesis_AreValidOpenXml()
    {
        foreach (var bytes in new[] { Renderer.RenderXlsx(SampleReports.Full()), Renderer.RenderXlsx(SampleReports.National()) })
        {
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);

            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

            Assert.Empty(errors);
        }
    }

    // Every table sheet has its header row frozen (one row) and numbers carry a number format.
    [Fact]
    public void Write_TableSheets_FrozenHeaderAndNumberFormats()
    {
        var bytes = Renderer.RenderXlsx(SampleReports.Full());

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
        Assert.True(sheets.Count > 5);
        foreach (var sheet in sheets.Where(s => s.FullName != "xl/worksheets/sheet1.xml"))
        {
            using var reader = new StreamReader(sheet.Open());
            var xml = reader.ReadToEnd();
            // ClosedXML writes "frozenSplit", which Excel and LibreOffice open as frozen panes, like "frozen" (ECMA-376 §18.18.52).
            Assert.Matches("<(x:)?pane [^>]*ySplit=\"1\"[^>]*state=\"frozen(Split)?\"", xml);
        }
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        var stylesXml = styles.ReadToEnd();
        Assert.Contains("formatCode=\"#,##0\"", stylesXml);
        Assert.Contains("formatCode=\"0.0%\"", stylesXml);
    }

    // Same data, same template, same timestamp: byte-identical workbooks (package timestamps and ids are fixed).
    [Fact]
    public void Write_Twice_ByteIdentical()
    {
        var first = Renderer.RenderXlsx(SampleReports.Full());
        Thread.Sleep(1100); // a different wall-clock second: zip entries must not carry the time of writing
        var second = Renderer.RenderXlsx(SampleReports.Full());

        Assert.Equal(first, second);
    }

    // Another generation timestamp changes only the document properties and the README's date.
    [Fact]
    public void Write_OtherTimestamp_OnlyTimestampPartsDiffer()
    {
        var model = SampleReports.Full();
        var later = model with { Generation = model.Generation with { GeneratedAt = model.Generation.GeneratedAt.AddDays(1), GeneratedAtText = "23 novembre 2026 à 14 h 05" } };

        var a = Entries(Renderer.RenderXlsx(model));
        var b = Entries(Renderer.RenderXlsx(later));

        var differing = a.Keys.Where(k => a[k] != b[k]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["package/services/metadata/core-properties/core.psmdcp", "xl/sharedStrings.xml"], differing);
        Assert.Equal(a["xl/sharedStrings.xml"].Replace(model.Generation.GeneratedAtText, "T"), b["xl/sharedStrings.xml"].Replace(later.Generation.GeneratedAtText, "T"));
    }

    private static Dictionary<string, string> Entries(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return zip.Entries.ToDictionary(e => e.FullName, e => { using var r = new StreamReader(e.Open(), Encoding.UTF8); return r.ReadToEnd(); });
    }
}

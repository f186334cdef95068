using System.Diagnostics;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Pdf;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests;

[Collection(ChromiumCollection.Name)]
public partial class TypographyScanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 14, 5, 0, TimeSpan.FromHours(1));

    // Issue 12, item 7: every artefact the demo report writes — the HTML page (text and chart labels), the PDF's text
    // layer (read back by poppler's pdftotext), every text cell of the workbook and every text field of the CSV tables —
    // follows French typography: narrow no-break space before « : ; ! ? % » and inside « », typographic apostrophe,
    // minus sign for negative numbers. Numeric CSV fields are left out on purpose: they keep "-1,26" and "12,3 %" so that
    // spreadsheets read them as numbers (TableCsvWriter).
    [Fact]
    public async Task WriteAsync_DemoReport_EveryArtefactFollowsFrenchTypography()
    {
        var demo = await Demo.GetAsync();
        var directory = Path.Combine(Demo.TempDirectory("typographie"), "passerelles");
        var written = await ReportWriter.WriteAsync(demo.Protocol, demo.Results,
            new ReportRequest("rapport-cohorte", [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf, ReportFormat.Csv], directory, Demo.TemplatesDirectory, GeneratedAt: At));
        Assert.Empty(written.Messages);

        var problems = new List<string>();
        void Scan(string where, string text) => problems.AddRange(Typography.Problems(text).Select(p => $"{where}: {p}"));

        var report = HtmlTypography.VisibleText(await File.ReadAllTextAsync(Path.Combine(directory, "rapport.html")));
        Scan("rapport.html", report);
        // One term per concept, as the glossary defines it.
        Assert.Contains("Glossaire", report);
        Assert.DoesNotContain("rapport de cotes", report, StringComparison.OrdinalIgnoreCase);
        // The synthesis for the steering committee, which the demo writes next to the report.
        var copil = await ReportWriter.WriteAsync(demo.Protocol, demo.Results,
            new ReportRequest("synthese-copil", [ReportFormat.Html], directory, Demo.TemplatesDirectory, GeneratedAt: At, FileName: "synthese-copil"));
        Scan("synthese-copil.html", HtmlTypography.VisibleText(await File.ReadAllTextAsync(copil.Files[0])));
        // pdftotext rebuilds every space from the gap between glyphs, so the text layer cannot tell a narrow no-break space
        // from another: there, any space before « : ; ! ? % » and inside « » counts as one (its absence still fails), and
        // apostrophes and minus signs, which are glyphs, are checked as they are.
        var pdf = PdfText(Path.Combine(directory, "rapport.pdf"));
        // A narrow space in the small type of a chart label leaves no gap at all ("9%"): the HTML those labels come from
        // is checked exactly above.
        Scan("rapport.pdf", DigitPercent().Replace(GapBeforePunctuation().Replace(OpeningQuoteGap().Replace(pdf, "«\u202F"), "\u202F"), "$1\u202F%"));
        using (var workbook = new XLWorkbook(Path.Combine(directory, "rapport.xlsx")))
            foreach (var cell in workbook.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.DataType == XLDataType.Text && !IsTechnicalMethod(c)))
                Scan($"rapport.xlsx!{cell.Worksheet.Name}!{cell.Address}", cell.GetString());
        var csvFiles = Directory.GetFiles(directory, "*.csv", SearchOption.AllDirectories);
        Assert.NotEmpty(csvFiles);
        foreach (var file in csvFiles)
        foreach (var (line, index) in File.ReadAllLines(file).Select((l, i) => (l, i)))
        foreach (var field in line.Split(';').Where(f => !NumericField().IsMatch(f)))
            Scan($"{Path.GetFileName(file)}:{index + 1}", field);

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join("\n", problems.Take(40))}");
    }

    // The engine's method labels ("Cumulative odds ratio exp(b), Wald CI exponentiated") stay in R's English on purpose;
    // their column says so in its header (ReportModelBuilder.TechnicalMethodHeader).
    private static bool IsTechnicalMethod(IXLCell cell) =>
        cell.WorksheetRow().RowNumber() > 1 && cell.Worksheet.Cell(1, cell.Address.ColumnNumber).GetString() == ReportModelBuilder.TechnicalMethodHeader;

    private static string PdfText(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("pdftotext did not start (CI installs poppler-utils, see .ci/run)");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Rapport", text);
        return text;
    }

    [GeneratedRegex(@"[ \u00A0]+(?=[:;!?%»])")]
    private static partial Regex GapBeforePunctuation();

    [GeneratedRegex(@"(\d)%")]
    private static partial Regex DigitPercent();

    [GeneratedRegex(@"«[ \u00A0]+")]
    private static partial Regex OpeningQuoteGap();

    // "1234", "-1,26", "12,3 %", "< 0,001", "s", "": what a spreadsheet reads as a number or a mark, not prose.
    [GeneratedRegex(@"^(-?\d+(,\d+)?( %)?|[<>] ?\d+(,\d+)?|s|)$")]
    private static partial Regex NumericField();
}

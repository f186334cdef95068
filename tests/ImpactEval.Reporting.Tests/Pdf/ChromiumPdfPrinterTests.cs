using ImpactEval.Reporting.Pdf;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Pdf;

[Collection(ChromiumCollection.Name)]
public class ChromiumPdfPrinterTests
{
    // The committee wants a PDF: headless Chromium prints the HTML report on A4 pages, with the report's title in the
    // document properties.
    [Fact]
    public async Task RenderPdfAsync_SampleReport_ValidA4PdfWithTitle()
    {
        Assert.NotNull(ChromiumPdfPrinter.FindChromium()); // CI installs chromium (see .ci/run)
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        var model = SampleReports.Full();
        var path = Path.Combine(Demo.TempDirectory("pdf"), "rapport.pdf");

        await renderer.RenderPdfAsync(renderer.RenderHtml("rapport-cohorte", model), path);

        var pdf = PdfFile.Latin1(await File.ReadAllBytesAsync(path));
        Assert.StartsWith("%PDF-", pdf);
        Assert.Contains("%%EOF", pdf[^64..]);
        Assert.InRange(PdfFile.PageCount(pdf), 3, 60);
        Assert.All(PdfFile.MediaBoxes(pdf), box => { Assert.Equal(595.3, box.Width, 0); Assert.Equal(841.9, box.Height, 0); });
        Assert.Equal(model.Title, PdfFile.Title(pdf));
    }

    // A machine without Chromium: a clear French message saying what to install, and HTML/XLSX are still written.
    [Fact]
    public async Task WriteAsync_ChromiumAbsent_FrenchMessageAndOtherFormatsWritten()
    {
        var previous = Environment.GetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable, "/nonexistent/chromium");
        try
        {
            var (protocol, results) = Cohorts.ThreeFamilies();
            var output = Demo.TempDirectory("sans-chromium");

            var written = await ReportWriter.WriteAsync(protocol, results,
                new ReportRequest("rapport-cohorte", [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf], output, Demo.TemplatesDirectory, GeneratedAt: SampleReports.SampleTimestamp));

            Assert.Equal(["rapport.html", "rapport.xlsx"], written.Files.Select(Path.GetFileName));
            var message = Assert.Single(written.Messages);
            Assert.Contains("nécessite le navigateur Chromium", message);
            Assert.Contains("apt-get install chromium", message);
            Assert.False(File.Exists(Path.Combine(output, "rapport.pdf")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable, previous);
        }
    }
}

/// <summary>Tests that start Chromium or change its environment variable run one at a time.</summary>
[CollectionDefinition(Name)]
public class ChromiumCollection
{
    public const string Name = "Chromium";
}

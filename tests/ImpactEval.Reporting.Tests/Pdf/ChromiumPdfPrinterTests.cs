using ImpactEval.Reporting.Pdf;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Reporting.Tests.Pdf;

[Collection(ChromiumCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
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
        Assert.Equal(ImpactEval.Core.Text.Typography.Apply(model.Title), PdfFile.Title(pdf));
    }

    /// <summary>
    /// A page that never finishes loading (a script that loops for ever), printed by a Chromium whose processes all carry
    /// a marker in their environment (through a wrapper script named by IMPACTEVAL_CHROMIUM), so that the test can look
    /// for survivors in /proc.
    /// </summary>
    private static async Task<(string Html, string Pdf, string Marker)> EndlessPageAsync(string name)
    {
        var directory = Demo.TempDirectory(name);
        var marker = ProcessScan.NewMarker();
        var wrapper = Path.Combine(directory, "chromium-marque.sh");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexport {ProcessScan.MarkerVariable}={marker}\nexec {ChromiumPdfPrinter.FindChromium()} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable, wrapper);
        var html = Path.Combine(directory, "sans-fin.html");
        await File.WriteAllTextAsync(html, "<!doctype html><html><body><p>Chargement…</p><script>for (;;) {}</script></body></html>");
        return (html, Path.Combine(directory, "rapport.pdf"), marker);
    }

    // Issue 10, break 4: Chromium processes were left running. A print that does not finish in time is stopped with a
    // French message, and Chromium is killed with every process it started (browser, zygotes, renderers, GPU).
    [Fact]
    public async Task PrintAsync_PageNeverLoads_KilledWithAllItsProcessesAfterTimeout()
    {
        Assert.NotNull(ChromiumPdfPrinter.FindChromium());
        var previous = Environment.GetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable);
        try
        {
            var (html, pdf, marker) = await EndlessPageAsync("pdf-delai");

            var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => ChromiumPdfPrinter.PrintAsync(html, pdf, TimeSpan.FromSeconds(4)));

            Assert.Equal("Chromium n'a pas produit le PDF dans le délai imparti (4 s) : il a été arrêté.", error.Message);
            Assert.Empty(await ProcessScan.SurvivorsAsync(marker, TimeSpan.FromSeconds(5)));
            Assert.False(File.Exists(pdf));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable, previous);
        }
    }

    // The worker stopping (or Ctrl+C on the command line) cancels the print: Chromium and its processes are killed at
    // once, long before the timeout.
    [Fact]
    public async Task PrintAsync_Cancelled_KilledWithAllItsProcesses()
    {
        Assert.NotNull(ChromiumPdfPrinter.FindChromium());
        var previous = Environment.GetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable);
        try
        {
            var (html, pdf, marker) = await EndlessPageAsync("pdf-annule");
            using var stop = new CancellationTokenSource();
            var print = ChromiumPdfPrinter.PrintAsync(html, pdf, TimeSpan.FromMinutes(5), stop.Token);
            for (var i = 0; i < 100 && ProcessScan.Marked(marker).Count < 3; i++) await Task.Delay(100);
            Assert.True(ProcessScan.Marked(marker).Count >= 3, "Chromium's processes (browser, zygote, renderer) are found while it runs");

            await stop.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => print);
            Assert.Empty(await ProcessScan.SurvivorsAsync(marker, TimeSpan.FromSeconds(5)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPdfPrinter.EnvironmentVariable, previous);
        }
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

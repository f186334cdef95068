using System.Diagnostics;
using System.Text.RegularExpressions;
using ImpactEval.Core.Text;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Pdf;
using ImpactEval.Reporting.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Reporting.Tests;

[Collection(ChromiumCollection.Name)]
public class DemoReportTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 14, 5, 0, TimeSpan.FromHours(1));

    // `impacteval demo` then `impacteval report`: the PasserelleS cohort (900 synthetic families, real SQLite store) gives
    // rapport.html, rapport.xlsx and rapport.pdf. The HTML is self-contained: nothing is fetched from elsewhere.
    [Fact]
    public async Task WriteAsync_DemoCohort_HtmlXlsxPdfSelfContained()
    {
        var demo = await Demo.GetAsync();
        var directory = Path.Combine(Demo.TempDirectory("out"), "passerelles");
        var clock = Stopwatch.StartNew();

        var written = await ReportWriter.WriteAsync(demo.Protocol, demo.Results,
            new ReportRequest("rapport-cohorte", [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf], directory, Demo.TemplatesDirectory, GeneratedAt: At));

        clock.Stop();
        Assert.Empty(written.Messages);
        Assert.Equal(["rapport.html", "rapport.xlsx", "rapport.pdf"], written.Files.Select(Path.GetFileName));
        foreach (var file in written.Files) output.WriteLine($"{Path.GetFileName(file)}: {new FileInfo(file).Length / 1024.0:F1} KiB");
        output.WriteLine($"HTML + XLSX + PDF of the demo report: {clock.ElapsedMilliseconds} ms");
        var html = await File.ReadAllTextAsync(written.Files[0]);
        Assert.DoesNotMatch(new Regex("<(link|script|img|iframe|object)\\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*""(?!#)", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("url(http", html);
        Assert.DoesNotMatch(new Regex("https?://(?!www\\.w3\\.org/2000/svg\")"), html); // the SVG namespace is the only URL
        Assert.Contains("@page", html);
        Assert.Contains("size: A4", html);
        var pdf = PdfFile.Latin1(await File.ReadAllBytesAsync(written.Files[2]));
        Assert.StartsWith("%PDF-", pdf);
        Assert.True(PdfFile.PageCount(pdf) >= 5);
    }

    // The rendered report, opened in a real browser: every chart of the model is drawn (non-empty SVG with its title and
    // description) and followed by its data table; every table of the model is there.
    [Fact]
    public async Task RenderHtml_DemoInChromium_EveryChartAndTablePresent()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        var path = Path.Combine(Demo.TempDirectory("navigateur"), "rapport.html");
        await File.WriteAllTextAsync(path, renderer.RenderHtml("rapport-cohorte", model));
        var charts = new List<Chart> { model.Flow.Chart };
        charts.AddRange(model.Descriptives.Indicators.SelectMany(i => new[] { i.Trajectory, i.Distribution }).OfType<Chart>());
        charts.AddRange(model.Analyses.Select(a => a.ForestPlot).OfType<Chart>());
        if (model.Balance?.LovePlot is { } lovePlot) charts.Add(lovePlot);

        using var driver = Browser.Start(out var profile);
        try
        {
            driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);

            var drawn = driver.Script<IReadOnlyCollection<object>>(
                "return Array.from(document.querySelectorAll('svg.chart')).map(s => { const r = s.getBoundingClientRect(); " +
                "return [s.id, r.width, r.height, !!s.querySelector(':scope > title'), !!s.querySelector(':scope > desc'), " +
                "(s.closest('figure').nextElementSibling || {}).tagName || '', s.querySelectorAll('line,path,rect,circle').length].join('|'); });")
                .Cast<string>().Select(s => s.Split('|')).ToList();
            Assert.Equal(charts.Select(c => c.Id).Order(StringComparer.Ordinal), drawn.Select(d => d[0]).Order(StringComparer.Ordinal));
            foreach (var d in drawn)
            {
                Assert.True(double.Parse(d[1], System.Globalization.CultureInfo.InvariantCulture) > 300, $"{d[0]} width");
                Assert.True(double.Parse(d[2], System.Globalization.CultureInfo.InvariantCulture) > 50, $"{d[0]} height");
                Assert.Equal("true", d[3]);
                Assert.Equal("true", d[4]);
                Assert.Equal("TABLE", d[5]);
                Assert.True(int.Parse(d[6], System.Globalization.CultureInfo.InvariantCulture) > 5, $"{d[0]} draws nothing");
            }
            var tableIds = driver.Script<IReadOnlyCollection<object>>("return Array.from(document.querySelectorAll('table')).filter(t => t.tBodies.length && t.tBodies[0].rows.length).map(t => t.id);")
                .Cast<string>().ToHashSet();
            // The full-results table is a workbook sheet (and an API table); the shipped templates do not print it (yet).
            foreach (var table in model.Tables.Where(t => !t.IsEmpty && t != model.FullResults)) Assert.Contains("tableau-" + table.Id, tableIds);
            output.WriteLine($"{drawn.Count} charts and {tableIds.Count} tables rendered in Chromium");

            // Every table and chart fits the text column (190 mm less the screen padding, narrower than the 178 mm of an A4
            // page's text in print): no horizontal scrollbar, no column cut off when printed.
            Assert.True(driver.Script<bool>("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"), "horizontal scrollbar");
            var widths = driver.Script<IReadOnlyCollection<object>>(
                "const b = document.body, s = getComputedStyle(b), text = b.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); " +
                "return Array.from(document.querySelectorAll('table, svg.chart')).map(e => [e.id, e.getBoundingClientRect().width, text].join('|'));")
                .Cast<string>().Select(s => s.Split('|')).ToList();
            Assert.NotEmpty(widths);
            foreach (var w in widths)
            {
                var width = double.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture);
                var text = double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(width <= text + 1, $"{w[0]}: {width:F0} px wide for a text column of {text:F0} px");
            }
        }
        finally
        {
            driver.Quit();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    // Screen readers and in-page links follow ids: in the demo report (every section present, a weighted analysis) each id
    // names one element — a section heading ("flux", "attrition") and the table of the same name used to share theirs —
    // and every aria-describedby, aria-labelledby, href="#…" and SVG url(#…) names an element that exists.
    [Fact]
    public async Task RenderHtml_Demo_IdsUniqueAndEveryReferenceResolved()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("rapport-cohorte", model);

        Assert.Empty(HtmlIds.Problems(html));
        var ids = HtmlIds.Ids(html);
        Assert.Contains("flux", ids); // the section anchors stay what they were
        Assert.Contains("equilibre", ids);
        Assert.Contains("attrition", ids);
        Assert.Contains("analyse-A1", ids);
        Assert.Contains("tableau-flux", ids);
        Assert.True(HtmlIds.References(html).Count(r => r.Attribute == "aria-describedby") >= 10);
    }

    // Every non-randomised contrast that is published carries its E-value sentence (issue 14, item 6), and the shipped
    // template prints each one under its contrast: none is computed and then left out of the report.
    [Fact]
    public async Task RenderHtml_Demo_PrintsEverySensitivitySentence()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        var text = HtmlTypography.VisibleText(new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("rapport-cohorte", model));

        var sentences = model.Analyses.SelectMany(a => a.Contrasts).Select(c => c.Sensitivity).OfType<string>().ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.StartsWith("Sensibilité à une caractéristique non mesurée", s));
        foreach (var sentence in sentences) Assert.Contains(Typography.Apply(sentence), text);
    }

    // A headline never says more than its detail (issue 12): the protocol adjusts the p-values (Holm), so a gap counts as
    // favourable or unfavourable in an analysis' summary only when the detail row's interval excludes the null value AND
    // its adjusted p-value stays at or below 5 %. The counts are derived here from the published table cells and the
    // protocol's indicator directions, independently of the builder, and compared with the numbers the summary prints.
    [Fact]
    public async Task Build_Demo_SummaryCountsEqualTheAdjustedDetailRows()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, At));

        var adjustedAnywhere = false;
        foreach (var section in model.Analyses)
        {
            int favourable = 0, unfavourable = 0, inconclusive = 0;
            var nullValue = section.Table.Columns[6].Header.StartsWith("Rapport", StringComparison.Ordinal) ? 1.0
                : section.Table.Columns[6].Header.StartsWith("Probabilité", StringComparison.Ordinal) ? 0.5 : 0.0;
            foreach (var (view, row) in section.Contrasts.Zip(section.Table.Rows))
            {
                if (!view.IsShown || !view.IsEstimated) continue;
                var (effect, lower, upper, adjusted) = (row.Cells[6].Value!.Value, row.Cells[7].Value!.Value, row.Cells[8].Value!.Value, row.Cells[10].Value);
                adjustedAnywhere |= adjusted is not null;
                var clear = (lower > nullValue || upper < nullValue) && (adjusted is null || adjusted <= 0.05);
                var higherBetter = demo.Protocol.FindIndicator(view.IndicatorCode)!.Direction == Core.Model.Direction.HigherIsBetter;
                if (!clear) inconclusive++;
                else if ((effect > nullValue) == higherBetter) favourable++;
                else unfavourable++;
            }
            var summary = section.Summary.Replace('\u00A0', ' ');
            Assert.Equal(favourable, Count(summary, @"(\d+) écarts? favorables?", "aucun écart favorable"));
            Assert.Equal(unfavourable, Count(summary, @"(\d+) écarts? défavorables?", "aucun écart défavorable"));
            Assert.Equal(inconclusive, Count(summary, @"(\d+) comparaisons? non concluantes?", "aucune comparaison non concluante"));
        }
        Assert.True(adjustedAnywhere, "the demo protocol adjusts for multiplicity: the check must see adjusted p-values");

        static int Count(string summary, string pattern, string none)
        {
            var match = Regex.Match(summary, pattern);
            Assert.True(match.Success || summary.Contains(none, StringComparison.Ordinal), $"« {pattern} » absent from: {summary}");
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }

    // Same data and template: byte-identical HTML and workbook; another generation time changes only the timestamp text.
    [Fact]
    public async Task Render_DemoTwice_IdenticalApartFromTimestamp()
    {
        var demo = await Demo.GetAsync();
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        ReportModel Model(DateTimeOffset at) => ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, at));

        var first = Model(At);
        var second = Model(At);
        var later = Model(At.AddHours(26).AddMinutes(7));

        Assert.Equal(renderer.RenderHtml("rapport-cohorte", first), renderer.RenderHtml("rapport-cohorte", second));
        Assert.Equal(renderer.RenderXlsx(first), renderer.RenderXlsx(second));
        string Neutral(ReportModel m) => renderer.RenderHtml("rapport-cohorte", m)
            .Replace(m.Generation.GeneratedAtText, "HORODATAGE").Replace(m.Generation.GeneratedOnText, "DATE");
        Assert.NotEqual(renderer.RenderHtml("rapport-cohorte", first), renderer.RenderHtml("rapport-cohorte", later));
        Assert.Equal(Neutral(first), Neutral(later));
    }
}

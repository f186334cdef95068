using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests.Disclosure;

/// <summary>
/// The leaks and the over-masking reported in issue 12, reproduced on the 6-vs-20 protocol of the field
/// (<see cref="Cohorts.SixVersusTwenty"/>) and on the demo, and shown closed in the model and in every artefact made from
/// it (HTML, workbook, the JSON of the published-tables API).
/// </summary>
public class DisclosureLeakTests
{
    private static ReportModel SixVersusTwenty(out Analysis.Results.AnalysisResults results)
    {
        var (protocol, r) = Cohorts.SixVersusTwenty();
        results = r;
        return ReportModelBuilder.Build(protocol, r, ReportGeneration.For(r, SampleReports.SampleTimestamp));
    }

    private static SeriesRow Row(ReportModel model, string indicator, string wave, string group) =>
        model.Descriptives.Indicators.Single(i => i.Code == indicator).Rows.Single(r => r.WaveCode == wave && r.GroupCode == group);

    /// <summary>Every piece of text of a workbook (shared strings, inline strings and cell values of every part).</summary>
    private static string WorkbookText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => { using var s = e.Open(); return string.Join("\n", XDocument.Load(s).Descendants().Where(x => !x.HasElements).Select(x => x.Value)); }));
    }

    // Leak (a): two classmates have no attendance at T2, so the number of classmates with a value (18) is hidden with them;
    // the contrast on attendance is still published (18 ≥ 5) but its sentence used to print "6 et 18 participants".
    [Fact]
    public void Build_ContrastWithHiddenGroupSize_SentenceDoesNotPrintIt()
    {
        var model = SixVersusTwenty(out var results);
        var contrast = model.Analyses.Single(a => a.Code == "A1").Contrasts.Single(c => c.IndicatorCode == "ASSIDUITE");
        Assert.Equal("s", contrast.ComparisonN);
        Assert.True(contrast.IsShown);
        Assert.DoesNotContain("18", contrast.Interpretation);
        Assert.Contains("Les effectifs sont réduits", contrast.Interpretation);

        // The same sentence in the workbook, the HTML and the JSON of the published tables.
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        var html = renderer.RenderHtml("rapport-cohorte", model);
        var workbook = WorkbookText(renderer.RenderXlsx(model));
        var json = JsonSerializer.Serialize(model.Tables.Where(t => t.InWorkbook));
        foreach (var text in new[] { html, workbook, json })
            Assert.DoesNotMatch(new Regex(@"\b18\b\s*participants"), text);
        Assert.DoesNotMatch(new Regex(@"\(\s*6 et 18"), html);
    }

    // Leak (b): at T2 the 6 girls are all at the top level. "100 %", mean 4,00 and SD 0,00 tell every girl's answer: the
    // whole distribution and the summary are masked (dominance in a small group), the count of 6 values stays published.
    [Fact]
    public void Build_SmallGroupAllAtOneLevel_DistributionAndSummaryMasked()
    {
        var model = SixVersusTwenty(out _);
        var row = Row(model, "SITUATION", "T2", "FILLES");
        Assert.Equal("6", row.N);
        Assert.Equal("s", row.Mean);
        Assert.Equal("s", row.StandardDeviation);
        Assert.Equal("s", row.Median);
        Assert.All(row.Levels, l => { Assert.Equal("s", l.Count); Assert.Equal("s", l.Share); });
        // Nowhere else: not as the girls' mean in the adjusted contrast table either.
        var adjusted = model.Analyses.Single(a => a.Code == "A2").Contrasts.Single();
        Assert.Equal("s", adjusted.FocalMean);
        var html = new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("rapport-cohorte", model);
        Assert.DoesNotContain("100,0\u00A0%", html);
        Assert.DoesNotContain("4,00 [4,00", html);
    }

    // Leak (c): 2 grant holders among 6 girls is hidden, but the difference of shares on the analytic sample (the same 26
    // pupils) and the classmates' published 40 % gave it back (0,40 − 0,07 = 0,33 = 2/6); so did the risk difference on the
    // orientation wish (65 % + 18,3 points = 5/6: the 1 girl without the wish).
    [Fact]
    public void Build_HiddenShareAndPublishedDifference_DifferenceMasked()
    {
        var model = SixVersusTwenty(out _);
        foreach (var sample in model.Balance!.Samples)
        {
            var row = sample.Rows.Single(r => r.CovariateLabel == "Boursière");
            Assert.Equal("s", row.FocalMean);
            Assert.Equal("s", row.StandardizedDifference);
            Assert.True(row.WwcEffectSize is null or "s");
        }
        var orientation = model.Analyses.Single(a => a.Code == "A3").Contrasts.Single();
        Assert.Equal("s", orientation.FocalMean);
        Assert.True(orientation.ComparisonMean == "s" || orientation.Effect == "s", "a share and the risk difference give the other share back");
    }

    // Over-masking: the 20 classmates' situation means used to be hidden at both waves because one level has fewer than 5
    // pupils. Their mean is published now (the level counts of that group are hidden instead), and the interval check
    // shows that the mean does not give the hidden counts back.
    [Fact]
    public void Build_TwentyPupilsWithASmallLevel_MeansPublished()
    {
        var model = SixVersusTwenty(out _);
        foreach (var wave in new[] { "T1", "T2" })
        {
            var row = Row(model, "SITUATION", wave, "CAMARADES");
            Assert.Equal("20", row.N);
            Assert.Matches(@"^\d,\d\d$", row.Mean);
        }
    }

    // Values absent by design: the standard deviation and the median of a yes/no indicator do not exist ("sans objet"),
    // they are not hidden ("s").
    [Fact]
    public void Build_YesNoIndicator_SpreadIsNotApplicable()
    {
        var model = SixVersusTwenty(out _);
        var row = Row(model, "ORIENTATION", "T2", "CAMARADES");
        Assert.Equal("sans objet", row.StandardDeviation);
        Assert.Equal("sans objet", row.Median);
        var cell = model.Descriptives.Table.Rows.First(r => r.Cells[0].Text.StartsWith("Vœu", StringComparison.Ordinal)).Cells[8];
        Assert.Equal("sans objet", cell.Text);
        Assert.False(cell.IsSuppressed);
    }

    // Interval protection (τ-ARGUS, sdcTable): given every published count, margin and mean, each hidden count can still
    // take values over an interval at least as wide as the threshold.
    [Fact]
    public void Build_SixVersusTwenty_EveryHiddenCountIntervalProtected()
    {
        var (protocol, results) = Cohorts.SixVersusTwenty();
        var audit = ReportModelBuilder.Audit(protocol, results, new ReportOptions());
        Assert.NotEmpty(audit.Plan.Hidden);
        var intervals = IntervalProtection.Intervals(audit.Ledger, audit.Plan);
        Assert.All(intervals, i => Assert.True(i.Width >= audit.Plan.Threshold, $"{i.Key} = {i.Value} lies in [{i.Lower}, {i.Upper}]"));
    }

    [Fact]
    public async Task Build_Demo_EveryHiddenCountIntervalProtected()
    {
        var demo = await Demo.GetAsync();
        foreach (var threshold in new[] { 5, 11 })
        {
            var audit = ReportModelBuilder.Audit(demo.Protocol, demo.Results, new ReportOptions(threshold));
            var intervals = IntervalProtection.Intervals(audit.Ledger, audit.Plan);
            Assert.All(intervals, i => Assert.True(i.Width >= threshold, $"threshold {threshold}: {i.Key} = {i.Value} lies in [{i.Lower}, {i.Upper}]"));
        }
    }

    // Over-masking: the yes/no characteristics of the 237 beneficiary families observed at T2 used to be "s" in every row of
    // the analytic sample's balance table. They are published now unless the families left out of that sample (enrolled −
    // observed) with or without the characteristic are between 1 and 4: then the row's differences are withheld too,
    // since a difference of proportions and the Cox index (a difference of logits) together give both shares back.
    [Fact]
    public async Task Build_Demo_AnalyticSampleSharesPublishedUnlessTheyTellWhoWasLost()
    {
        var demo = await Demo.GetAsync();
        var model = ReportModelBuilder.Build(demo.Protocol, demo.Results, ReportGeneration.For(demo.Results, SampleReports.SampleTimestamp));
        var analytic = model.Balance!.Samples.Single(s => s.Name == "observés à T2");
        var enrolled = model.Balance.Samples.Single(s => s.Name == "inscrits");
        var binary = analytic.Rows.Where(r => enrolled.Rows.First(e => e.CovariateLabel == r.CovariateLabel).FocalMean.EndsWith('%')).ToList();
        Assert.NotEmpty(binary);
        Assert.Contains(binary, r => r.FocalMean.EndsWith('%'));
        Assert.All(binary.Where(r => r.FocalMean == "s" || r.ComparisonMean == "s"), r => Assert.Equal("s", r.StandardizedDifference));
        Assert.Equal("237", analytic.Rows[0].FocalN);
    }
}

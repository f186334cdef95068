using System.Text.RegularExpressions;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Tests.Support;
using Xunit;

namespace ImpactEval.Reporting.Tests;

public class ReportModelBuilderTests
{
    private static ReportGeneration Generation(Analysis.Results.AnalysisResults results) => ReportGeneration.For(results, SampleReports.SampleTimestamp);

    /// <summary>Every count published anywhere in the model's tables (text of Count cells that are not hidden).</summary>
    private static IEnumerable<(string Table, int Value)> PublishedCounts(ReportModel model) =>
        model.Tables
            .Concat(model.Analyses.Where(a => a.ForestPlot is not null).Select(a => a.ForestPlot!.Data))
            .Concat(model.Descriptives.Indicators.SelectMany(i => new[] { i.Trajectory?.Data, i.Distribution?.Data }).OfType<ReportTable>())
            .Append(model.Flow.Chart.Data)
            .SelectMany(t => t.Rows.SelectMany(r => r.Cells.Where(c => c.Kind == CellKind.Count && !c.IsSuppressed && c.Value is not null)
                .Select(c => (t.Id, (int)c.Value!.Value))));

    // A beneficiary group of 3 families: its counts are hidden with a complement, its estimates are withheld,
    // and the report says that suppression happened without saying which value it hid.
    [Fact]
    public void Build_GroupOfThreeFamilies_CountsAndEstimatesWithheld()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        var ben = model.Flow.Groups.Single(g => g.Code == "BEN");
        var comp = model.Flow.Groups.Single(g => g.Code == "COMP");
        Assert.Equal("s", ben.Enrolled);
        Assert.Equal("s", comp.Enrolled); // the complement: otherwise 43 − 40 gives the 3 back
        Assert.DoesNotContain(PublishedCounts(model), c => c.Value is > 0 and < 5);
        var rows = model.Descriptives.Indicators.Single().Rows;
        Assert.All(rows.Where(r => r.GroupCode == "BEN"), r => { Assert.False(r.IsShown); Assert.Equal("s", r.Mean); });
        var contrast = model.Analyses.Single().Contrasts.Single();
        Assert.False(contrast.IsShown);
        Assert.Equal(ContrastInterpretation.Withheld, contrast.Interpretation);
        Assert.Null(model.Analyses.Single().ForestPlot);
        Assert.True(model.Disclosure.Applied);
        Assert.DoesNotMatch(new Regex(@"\b[0-46-9]\b"), model.Disclosure.Text); // only the threshold, 5, appears
    }

    // The field's cohort of 6 girls without comparison group: reported (flow, means over time) without any published count below 5.
    [Fact]
    public void Build_SixGirlCohort_NoPublishedCountBelowFive()
    {
        var (protocol, results) = Cohorts.SixGirls();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.DoesNotContain(PublishedCounts(model), c => c.Value is > 0 and < 5);
        // A level share times the published n would give a count back: shares are shown only with their count.
        foreach (var row in model.Descriptives.LevelsTable!.Rows)
            if (row.Cells[4].IsSuppressed) Assert.True(row.Cells[5].IsSuppressed);
        // The attendance means of 6 and then 5 girls are still described; at T3 the number of values is hidden (6 − 5 would
        // tell that one girl is missing), and so is the standard deviation, which with the interval would give it back.
        var attendance = model.Descriptives.Indicators.Single(i => i.Code == "ASSIDUITE");
        Assert.All(attendance.Rows, r => Assert.True(r.IsShown));
        var t3 = attendance.Rows.Single(r => r.WaveCode == "T3");
        Assert.Equal(("s", "s"), (t3.N, t3.StandardDeviation));
        Assert.NotNull(attendance.Trajectory);
        Assert.Empty(model.Analyses);
        Assert.Contains("sans groupe de comparaison", model.Protocol.DesignText);
        Assert.True(model.Disclosure.Applied);
        // Both shipped cohort templates render this single-group, analysis-free report.
        var renderer = new ReportRenderer(Demo.TemplatesDirectory);
        Assert.Contains("Collégiennes suivies", renderer.RenderHtml("rapport-cohorte", model));
        Assert.Contains("Collégiennes suivies", renderer.RenderHtml("fiche-territoire", model));
    }

    // Today's results carry no balance, attrition, weighting or power: those sections are simply absent.
    [Fact]
    public void Build_NoSupplements_OptionalSectionsNull()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.Null(model.Balance);
        Assert.Null(model.Attrition);
        Assert.Null(model.Weighting);
        Assert.Null(model.Power);
        Assert.Contains(model.Evidence.Items, i => i.Criterion == "Équivalence initiale des groupes" && i.Status == "non évalué");
    }

    // When the analysis provides balance, attrition, weighting and power, each gets its section, table and (for balance) its love plot.
    [Fact]
    public void Build_WithSupplements_SectionsPresentWithTables()
    {
        var model = SampleReports.Full();

        Assert.NotNull(model.Balance);
        Assert.Contains("<svg", model.Balance!.LovePlot.Svg);
        Assert.NotNull(model.Attrition);
        Assert.NotNull(model.Weighting);
        Assert.NotNull(model.Power);
        Assert.Contains(model.Tables, t => t.Id == "equilibre");
        Assert.Contains(model.Tables, t => t.Id == "attrition");
        Assert.Contains(model.Evidence.Items, i => i.Criterion == "Équivalence initiale des groupes" && i.Status == "satisfait sous réserve d'ajustement");
        Assert.All(model.Tables.Where(t => t.InWorkbook).GroupBy(t => t.SheetName), g => Assert.Single(g));
        Assert.All(model.Tables.Where(t => t.InWorkbook), t => Assert.InRange(t.SheetName.Length, 1, 31));
    }

    // An ordered-logit analysis reports odds ratios: its section says so and its forest plot uses a log axis at 1.
    [Fact]
    public void Build_OrderedLogitAnalysis_OddsRatioSection()
    {
        var model = SampleReports.Full();

        var a2 = model.Analyses.Single(a => a.Code == "A2");
        Assert.True(a2.Contrasts.Single().IsShown, a2.Contrasts.Single().Interpretation);

        Assert.Equal("rapport des chances", a2.EffectScaleText);
        Assert.Contains("les chances d'atteindre un niveau plus élevé", a2.Contrasts.Single().Interpretation);
        Assert.Contains("Rapport des chances (échelle logarithmique)", a2.ForestPlot!.Svg);
    }

    // The same inputs give an equal model (the builder is pure).
    [Fact]
    public void Build_Twice_SameTables()
    {
        var first = SampleReports.Full();
        var second = SampleReports.Full();

        Assert.Equal(first.Tables.Select(t => string.Join("|", t.Rows.SelectMany(r => r.Cells.Select(c => c.Text)))),
            second.Tables.Select(t => string.Join("|", t.Rows.SelectMany(r => r.Cells.Select(c => c.Text)))));
        Assert.Equal(first.Flow.Chart.Svg, second.Flow.Chart.Svg);
    }

    // Results of another protocol are a caller's bug.
    [Fact]
    public void Build_ResultsOfAnotherProtocol_Throws()
    {
        var (_, results) = Cohorts.ThreeFamilies();

        Assert.Throws<ArgumentException>(() => ReportModelBuilder.Build(SampleReports.FullProtocol, results, Generation(results)));
    }

    // Today's demo estimates are raw differences of means (Welch) even where the protocol asks for ANCOVA: the overall
    // reading must not claim a comparison "at comparable characteristics", and the summary counts every contrast.
    [Fact]
    public void Build_RawDifferences_OverallDoesNotClaimAdjustment()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.Contains("écarts bruts", model.Evidence.Overall);
        Assert.DoesNotContain("comparables", model.Evidence.Overall);
        Assert.Contains("sur 1 comparaison", model.Analyses.Single().Summary.Replace('\u00A0', ' '));
        Assert.Contains("1 résultat non publié (secret statistique)", model.Analyses.Single().Summary.Replace('\u00A0', ' '));
    }
}

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

    // A protocol without baseline covariates has no balance to show: the section is absent and the evidence says
    // equivalence was not assessed; attrition and the minimum detectable effects are still computed from the flow.
    [Fact]
    public void Build_NoCovariates_BalanceAbsentAttritionAndPowerPresent()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.Null(model.Balance);
        Assert.NotNull(model.Attrition);
        Assert.NotNull(model.Power);
        Assert.Null(model.Analyses.Single().Weighting);
        Assert.Contains(model.Evidence.Items, i => i.Criterion == "Équivalence initiale des groupes" && i.Status == "non évalué");
        Assert.Contains(model.Limitations, l => l.Contains("équilibre initial", StringComparison.Ordinal));
    }

    // The analysis results carry balance (enrolled, analytic sample, weighted), attrition under both WWC boundaries, the
    // weighting diagnostics of the weighting analysis and the minimum detectable effects: each gets its section and tables.
    [Fact]
    public void Build_FullSample_SectionsReadFromAnalysisResults()
    {
        var model = SampleReports.Full();

        var balance = Assert.IsType<BalanceSection>(model.Balance);
        Assert.Equal(["inscrits", "observés à T2", "inscrits, après pondération"], balance.Samples.Select(s => s.Name));
        Assert.Equal([false, true, false], balance.Samples.Select(s => s.IsAnalyticSample));
        Assert.True(balance.Samples[^1].IsWeighted);
        Assert.All(balance.Samples.Where(s => !s.IsWeighted).SelectMany(s => s.Rows), r => Assert.NotNull(r.BandText));
        Assert.All(balance.Samples[^1].Rows, r => Assert.NotNull(r.WeightedDifference));
        Assert.Contains("fill=\"#ffffff\"", balance.LovePlot!.Svg); // hollow markers: after weighting
        Assert.Contains("Après pondération", balance.LovePlot.Data.Columns.Select(c => c.Header));

        var attrition = Assert.IsType<AttritionSection>(model.Attrition);
        var row = Assert.Single(attrition.Rows);
        Assert.Contains("limite prudente", row.Sentence);
        Assert.Contains("limite optimiste", row.Sentence);
        Assert.Contains(row.CautiousVerdict, new[] { "attrition faible", "attrition élevée" });

        var weighting = model.Analyses.Single(a => a.Code == "A3").Weighting;
        Assert.NotNull(weighting);
        Assert.Equal(2, weighting!.Groups.Length);
        Assert.Single(weighting.Overlap);
        Assert.All(model.Analyses.Where(a => a.Code != "A3"), a => Assert.Null(a.Weighting));

        var power = Assert.IsType<PowerSection>(model.Power);
        Assert.Equal(["effectifs prévus"], power.Rows.Select(r => r.SizesText));
        Assert.Contains("D'après les erreurs types des estimations, l'écart minimal détectable observé est de", power.Summary);
        Assert.EndsWith("écart-type", power.Rows[0].MinimumDetectableEffect);
        Assert.Contains(power.Table.Rows, r => r.Cells[0].Text.StartsWith("observé, analyse") && !r.Cells[^1].IsSuppressed);

        foreach (var id in new[] { "equilibre-inscrits", "equilibre-t2", "equilibre-pondere", "attrition", "ponderation-a3", "recouvrement-a3", "puissance" })
            Assert.Contains(model.Tables, t => t.Id == id);
        Assert.All(model.Tables.Where(t => t.InWorkbook).GroupBy(t => t.SheetName), g => Assert.Single(g));
        Assert.All(model.Tables.Where(t => t.InWorkbook), t => Assert.InRange(t.SheetName.Length, 1, 31));
        Assert.Equal(model.Tables.Length, model.Tables.Select(t => t.Id).Distinct().Count());
    }

    // The dense tables fit an A4 page: a group is named by its protocol code in HTML (its label stays the cell's text, the
    // workbook's), the widest headers are shortened, and each table lists what its codes and short headers stand for. The
    // reading of a contrast is a sentence, shown under its row rather than in an eleventh narrow column.
    [Fact]
    public void Build_FullSample_GroupsCodedHeadersShortenedReadingAsSentence()
    {
        var model = SampleReports.Full();
        var groups = model.Protocol.Groups;

        var contrasts = model.Analyses[0].Table;
        var comparison = contrasts.Rows[0].Cells[1];
        var group = groups.Single(g => g.Label == comparison.Text);
        Assert.Equal(new Abbreviation(group.Code, group.Label), comparison.Abbreviation);
        Assert.True(contrasts.Columns[^1].IsSentence);
        Assert.Equal("Lecture", contrasts.Columns[^1].Header);
        Assert.All(contrasts.Rows, r => Assert.True(r.Cells[^1].IsSentence));
        Assert.Equal(contrasts.Columns.Length - 1, contrasts.GridColumnCount);
        Assert.Equal("n bén.", contrasts.Columns[2].Abbreviation?.Short);
        Assert.Equal("n bénéficiaires", contrasts.Columns[2].Header);
        Assert.Contains(new Abbreviation(group.Code, group.Label), contrasts.Abbreviations);
        Assert.Equal(contrasts.Abbreviations.Select(a => a.Short).Distinct(), contrasts.Abbreviations.Select(a => a.Short));
        // Shortened headers first, left to right, then the codes.
        Assert.Equal(contrasts.Columns.Select(c => c.Abbreviation).OfType<Abbreviation>(), contrasts.Abbreviations.Take(contrasts.Columns.Count(c => c.Abbreviation is not null)));

        var attrition = model.Tables.Single(t => t.Id == "attrition");
        var wave = attrition.Rows[0].Cells[0];
        Assert.StartsWith(wave.Abbreviation!.Short + " — ", wave.Text); // "T2 — Fin de l'année…" in the workbook, "T2" in HTML
        Assert.Contains(attrition.Abbreviations, a => a.Short == wave.Abbreviation.Short && !a.Meaning.StartsWith(a.Short, StringComparison.Ordinal));

        var flow = model.Flow.Table;
        Assert.All(flow.Rows.Where(r => !r.IsTotal), r => Assert.Contains(groups, g => g.Code == r.Cells[0].Abbreviation?.Short));
        Assert.Null(flow.Rows.Single(r => r.IsTotal).Cells[0].Abbreviation);
        Assert.True(model.Tables.Where(t => t.Columns.Any(c => c.Header.StartsWith("Groupe", StringComparison.Ordinal))).All(t => t.Abbreviations.Length > 0));
    }

    // An ordered-logit analysis reports odds ratios (the real proportional-odds fit): its section says how to read a ratio,
    // each contrast has the odds-ratio sentence, and its forest plot uses a log axis with the reference line at 1.
    [Fact]
    public void Build_OrderedLogitAnalysis_OddsRatioSection()
    {
        var model = SampleReports.Full();

        var a2 = model.Analyses.Single(a => a.Code == "A2");
        var contrast = a2.Contrasts.Single();
        Assert.True(contrast.IsShown, contrast.Interpretation);
        Assert.Equal("rapport des chances ajusté sur les caractéristiques mesurées", a2.EffectScaleText);
        Assert.Contains("Un rapport de 1 signifie des chances égales", a2.ScaleExplanation);
        Assert.Contains("les chances d'atteindre un niveau plus élevé", contrast.Interpretation);
        Assert.Contains("(rapport des chances, ajusté sur les caractéristiques mesurées au départ)", contrast.Interpretation.Replace('\u00A0', ' '));
        Assert.Contains("Rapport des chances (échelle logarithmique)", a2.ForestPlot!.Svg);
        Assert.Contains("rapports des chances estimés", a2.ForestPlot.Title);
        Assert.Equal("Rapport des chances", a2.Table.Columns[6].Header);
    }

    // ANCOVA with covariates: the effect is called an adjusted gap, never an effect of the scheme; the raw means of the two
    // groups are still shown next to it (an adjusted gap is not their difference, so they give nothing hidden back).
    [Fact]
    public void Build_AncovaAnalysis_AdjustedGapNeverCausal()
    {
        var model = SampleReports.Full();

        var a1 = model.Analyses.Single(a => a.Code == "A1");
        Assert.Equal("écart ajusté sur les caractéristiques mesurées", a1.EffectScaleText);
        Assert.Equal("Écart ajusté", a1.Table.Columns[6].Header);
        Assert.Contains("CR2", a1.Method);
        Assert.Contains("tiennent compte de ce regroupement", a1.ClusterText);
        foreach (var c in a1.Contrasts.Where(c => c.IsShown && c.IsEstimated))
        {
            Assert.Contains("écart ajusté sur les caractéristiques mesurées au départ", c.Interpretation);
            Assert.DoesNotContain("effet du dispositif", c.Interpretation);
            Assert.DoesNotContain("prouve", c.Interpretation);
        }
        Assert.Contains("ajustés sur les caractéristiques mesurées au départ", model.Evidence.Overall);
        Assert.Contains("ne permet pas à lui seul d'attribuer", model.Evidence.Overall);
    }

    // Only 3 beneficiary families live in precarious housing: their share is not published (3 / 40 with n = 40 would give
    // the 3 back), nor is the difference, which with the other group's share would give it too. On the analytic sample the
    // housing row is withheld whole: its difference of proportions and its Cox index (a difference of logits) together
    // give both shares back, hence the housing of the families lost to follow-up; the other rows are published.
    // No count from 1 to 4 is published anywhere, new tables included.
    [Fact]
    public void Build_RareCharacteristic_ShareAndDifferenceWithheld()
    {
        var (protocol, results) = Cohorts.RareCharacteristic();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        var enrolled = model.Balance!.Samples.Single(s => s.Name == "inscrits");
        var housing = enrolled.Rows.Single(r => r.CovariateLabel == "Logement précaire");
        Assert.Equal(("s", "s", false), (housing.FocalMean, housing.StandardizedDifference, housing.IsShown));
        Assert.Equal("25,0 %", housing.ComparisonMean.Replace('\u00A0', ' '));
        var age = enrolled.Rows.Single(r => r.CovariateLabel == "Âge (mois)");
        Assert.True(age.IsShown);
        Assert.Equal("40", age.FocalN);
        var analytic = model.Balance.Samples.Single(s => s.IsAnalyticSample);
        Assert.All(analytic.Rows.Where(r => r.CovariateLabel == "Logement précaire"), r => Assert.Equal(("s", "s"), (r.FocalMean, r.ComparisonMean)));
        Assert.All(analytic.Rows.Where(r => r.CovariateLabel == "Logement précaire"), r => Assert.Equal("s", r.StandardizedDifference));
        Assert.All(analytic.Rows.Where(r => r.CovariateLabel != "Logement précaire"), r => Assert.NotEqual("s", r.StandardizedDifference));
        Assert.DoesNotContain(PublishedCounts(model), c => c.Value is > 0 and < 5);
        // Every share published beside its n is a count of families with and without the characteristic of at least 5 (or 0).
        foreach (var row in enrolled.Table.Rows.Where(r => r.Cells[4].Kind == CellKind.Percent))
            foreach (var (share, n) in new[] { (row.Cells[4], row.Cells[2]), (row.Cells[5], row.Cells[3]) })
            {
                if (share.IsSuppressed || n.IsSuppressed) continue;
                var yes = (int)Math.Round(share.Value!.Value * n.Value!.Value);
                Assert.DoesNotContain(yes, new[] { 1, 2, 3, 4 });
                Assert.DoesNotContain((int)n.Value.Value - yes, new[] { 1, 2, 3, 4 });
            }
        Assert.True(model.Disclosure.Applied);
    }

    // A comparison group of 4 families: its counts in the balance, attrition and detectable-effect tables are hidden with
    // their complements, and every estimate on it (means, differences, attrition rates, minimum detectable effect) is withheld.
    [Fact]
    public void Build_ComparisonGroupOfFour_NewTablesProtected()
    {
        var (protocol, _) = Cohorts.RareCharacteristic();
        var covariates = new Dictionary<(string, string), double[]>
        {
            [("AGE", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => 34.0 + i % 9)],
            [("AGE", "COMP")] = [35, 38, 41, 36],
            [("LOGEMENT", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? 1.0 : 0.0)],
            [("LOGEMENT", "COMP")] = [1, 0, 0, 1],
        };
        var values = new Dictionary<(string, string, string), double[]>
        {
            [("SCORE", "T1", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => 5.0 + i % 5)],
            [("SCORE", "T1", "COMP")] = [4, 6, 5, 7],
            [("SCORE", "T2", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => i >= 35 ? double.NaN : 5.5 + i % 5)],
            [("SCORE", "T2", "COMP")] = [5, 6, double.NaN, 7],
        };
        var results = SampleReports.Results(protocol, new Dictionary<string, int> { ["BEN"] = 40, ["COMP"] = 4 }, values, covariates: covariates);

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.DoesNotContain(PublishedCounts(model), c => c.Value is > 0 and < 5);
        Assert.All(model.Balance!.Samples.SelectMany(s => s.Rows), r => Assert.Equal(("s", "s", false), (r.ComparisonMean, r.StandardizedDifference, r.IsShown)));
        var attrition = Assert.Single(model.Attrition!.Rows);
        Assert.Equal(("s", "s"), (attrition.OverallRate, attrition.DifferentialPoints));
        Assert.Contains("non publiés (secret statistique)", attrition.Sentence);
        var attritionRow = model.Attrition.Table.Rows.Single();
        Assert.True(attritionRow.Cells[4].IsSuppressed && attritionRow.Cells[5].IsSuppressed);
        Assert.All(model.Power!.Table.Rows.Where(r => r.Cells[0].Text.StartsWith("observé")), r => Assert.True(r.Cells[^1].IsSuppressed));
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

    // An analysis declared as a plain difference in means (Welch) is a raw gap: the overall reading must not claim an
    // adjustment, and the summary counts every contrast, withheld ones included.
    [Fact]
    public void Build_RawDifferences_OverallDoesNotClaimAdjustment()
    {
        var (protocol, results) = Cohorts.ThreeFamilies();

        var model = ReportModelBuilder.Build(protocol, results, Generation(results));

        Assert.Contains("écarts bruts", model.Evidence.Overall);
        Assert.DoesNotContain("ajusté", model.Evidence.Overall);
        Assert.Equal("écart brut de moyennes", model.Analyses.Single().EffectScaleText);
        Assert.Contains("sur 1 comparaison", model.Analyses.Single().Summary.Replace('\u00A0', ' '));
        Assert.Contains("1 résultat non publié (secret statistique)", model.Analyses.Single().Summary.Replace('\u00A0', ' '));
    }
}

using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Samples;
using ImpactEval.Reporting.Templates;
using ImpactEval.Reporting.Tests.Support;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Reporting.Tests;

/// <summary>
/// Issue 12, item 3: the séjours report (a before/after questionnaire, no comparison group) used to show an empty
/// comparison table about « les deux groupes » and « Aucune limite particulière ». It now gives the change between the
/// two questionnaires with its interval — the only thing that CPO wanted — worded as an evolution, never as an effect,
/// and its limits say why no effect can be estimated.
/// </summary>
public class PairedChangeReportTests
{
    [Fact]
    public void Render_Sejours_ChangesWithIntervalsNoComparisonTableLimitsSayWhy()
    {
        var protocol = ProtocolLoader.LoadFile(PairedCohort.ProtocolPath).Protocol!;
        var results = ProtocolAnalysis.Run(protocol, PairedCohort.Dataset(protocol, ("ENFANTS", PairedCohort.Case("continuous_40"), PairedCohort.Case("ordinal_35"))));
        var model = ReportModelBuilder.Build(protocol, results, ReportGeneration.For(results, SampleReports.SampleTimestamp));

        var analysis = Assert.Single(model.Analyses);
        Assert.Empty(analysis.Contrasts);
        Assert.Equal("Évolutions observées", model.AnalysesTitle);
        Assert.Equal(2, analysis.Changes.Length);
        Assert.All(analysis.Changes, c => Assert.EndsWith(ChangeInterpretation.NotAnEffect, c.Interpretation));
        Assert.DoesNotContain(model.Tables, t => t.Id == analysis.Table.Id); // no empty comparison table
        Assert.Contains(model.Tables, t => t.Id == "evolutions-a1");
        Assert.Contains(ProtocolAnalysis.NoComparisonNote, model.Limitations);
        Assert.All(model.Evidence.Items.Where(i => i.Criterion is "Taille des groupes" or "Comparaisons multiples"), i => Assert.Equal("sans objet", i.Status));
        // 38 values before, 39 after, 37 children observed at both times: the 1 and 2 observed at one time only must not be
        // deducible from the published pairs and values (statistical secrecy, threshold 5): every hidden count keeps an
        // interval at least the threshold wide.
        var audit = ReportModelBuilder.Audit(protocol, results);
        Assert.True(audit.Plan.IsHidden("evolution/A1/CONFIANCE/ENFANTS/seulement-AVANT"));
        Assert.True(audit.Plan.IsHidden("evolution/A1/CONFIANCE/ENFANTS/seulement-APRES"));
        Assert.All(Reporting.Disclosure.IntervalProtection.Intervals(audit.Ledger, audit.Plan),
            i => Assert.True(i.Width >= audit.Plan.Threshold, $"{i.Key} = {i.Value} lies in [{i.Lower}, {i.Upper}]"));
        Assert.Contains("2 évolutions observées", analysis.Summary.Replace('\u202F', ' ').Replace('\u00A0', ' '));

        var text = HtmlTypography.VisibleText(new ReportRenderer(Demo.TemplatesDirectory).RenderHtml("rapport-cohorte", model)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        // R: t.test(after, before, paired = TRUE) on the 37 complete pairs gives 0.311 [0.101 ; 0.521], printed at the indicator's one decimal.
        Assert.Contains("Entre « Avant le séjour » et « Après le séjour », « Confiance en soi » a évolué en moyenne de 0,3 [0,1 ; 0,5] pour les 37 participants du groupe « Enfants partis » observés aux deux temps ; l’évolution est nette", text);
        Assert.Contains("test des rangs signés de Wilcoxon", text);
        Assert.Contains("Évolutions observées", text);
        Assert.DoesNotContain("Comparaisons entre groupes", text);
        Assert.DoesNotContain("les deux groupes", text);
        Assert.DoesNotContain("Aucune limite particulière", text);
        Assert.DoesNotContain("effet de l’action a", text);
    }

    // Issue 12: for two groups observed before and after, the change used to be worded as a difference in level
    // (« 0,23 point de plus »). The contrast now compares the two evolutions, and each group's change is given too.
    [Fact]
    public void Build_TwoGroupsBeforeAfter_ContrastWordedAsADifferenceOfEvolutions()
    {
        var text = File.ReadAllText(PairedCohort.ProtocolPath).Replace(
            "  - { code: ENFANTS, label: \"Enfants partis\", role: focal, planned_size: 40 }",
            "  - { code: ENFANTS, label: \"Enfants partis\", role: focal, planned_size: 40 }\n  - { code: RESTES, label: \"Enfants restés\", role: comparison, planned_size: 60 }");
        var protocol = ProtocolLoader.Load(text, "sejours.yaml").Protocol!;
        var results = ProtocolAnalysis.Run(protocol, PairedCohort.Dataset(protocol, ("ENFANTS", PairedCohort.Case("continuous_40"), null), ("RESTES", PairedCohort.Case("large_60"), null)));
        var model = ReportModelBuilder.Build(protocol, results, ReportGeneration.For(results, SampleReports.SampleTimestamp));

        var analysis = Assert.Single(model.Analyses);
        Assert.Equal("Comparaisons entre groupes", model.AnalysesTitle);
        var contrast = analysis.Contrasts.Single(c => c.IndicatorCode == "CONFIANCE");
        Assert.Contains("a évolué en moyenne de", contrast.Interpretation);
        Assert.Contains("c'est un écart entre deux évolutions, pas entre deux niveaux", contrast.Interpretation);
        Assert.DoesNotContain("obtient en moyenne", contrast.Interpretation);
        Assert.Equal(["Enfants partis", "Enfants restés"], analysis.Changes.Where(c => c.IndicatorLabel == "Confiance en soi").Select(c => c.GroupLabel));
        Assert.Contains(model.Tables, t => t.Id == analysis.Table.Id);
    }
}

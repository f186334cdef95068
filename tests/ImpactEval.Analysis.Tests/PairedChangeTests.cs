using System.Collections.Immutable;
using System.Text.Json;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

/// <summary>
/// Issue 12, item 3: a before/after design gets its before/after result. The séjours protocol (no comparison group)
/// gets the observed change of each indicator with its interval, the signed-rank test for its ordinal indicator, and no
/// contrast; with a comparison group observed before and after too, the difference of the two changes. The data are the
/// R reference cases of Statistics.Tests (Fixtures/paired.json), so every figure is R's.
/// </summary>
public class PairedChangeTests
{
    [Fact]
    public void Run_SejoursWithoutComparison_ChangesWithRIntervalsAndNoContrast()
    {
        var protocol = Protocol(File.ReadAllText(ProtocolPath));
        var continuous = Case("continuous_40");
        var ordinal = Case("ordinal_35");
        var results = ProtocolAnalysis.Run(protocol, Dataset(protocol, ("ENFANTS", continuous, ordinal)));

        var analysis = Assert.Single(results.Analyses);
        Assert.Empty(analysis.Contrasts);
        Assert.Equal(["CONFIANCE/ENFANTS", "ENVIE/ENFANTS"], analysis.Changes.Select(c => $"{c.Indicator}/{c.Group}"));
        var confiance = analysis.Changes[0];
        Assert.Equal((continuous.GetProperty("n").GetInt32(), "AVANT", "APRES"), (confiance.N, confiance.BaselineWave, confiance.Wave));
        Assert.Equal(continuous.GetProperty("mean").GetDouble(), confiance.Change!.Value, 12);
        var ci = continuous.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(ci[0], confiance.Change.Interval.Lower, 10);
        Assert.Equal(ci[1], confiance.Change.Interval.Upper, 10);
        Assert.Null(confiance.SignedRank); // a continuous indicator: the mean change only
        var envie = analysis.Changes[1];
        Assert.Equal(ordinal.GetProperty("wilcoxon_p").GetDouble(), envie.SignedRank!.PValue, 10);
        Assert.Equal(ordinal.GetProperty("mean").GetDouble(), envie.Change!.Value, 12);
        Assert.Contains(ProtocolAnalysis.NoComparisonNote, results.Notes);
        Assert.DoesNotContain(results.Notes, n => n.Contains("écarts estimés", StringComparison.Ordinal)); // no wording about effects of groups it has not
    }

    // With a comparison group observed at both waves, the contrast is the difference of the two mean changes, and its
    // HC2 standard error is Welch's: the square root of the sum of the two paired standard errors squared.
    [Fact]
    public void Run_TwoGroupsBeforeAfter_DifferenceOfChangesWithWelchStandardError()
    {
        var text = File.ReadAllText(ProtocolPath).Replace(
            "  - { code: ENFANTS, label: \"Enfants partis\", role: focal, planned_size: 40 }",
            "  - { code: ENFANTS, label: \"Enfants partis\", role: focal, planned_size: 40 }\n  - { code: RESTES, label: \"Enfants restés\", role: comparison, planned_size: 60 }");
        var protocol = Protocol(text);
        var (focal, comparison) = (Case("continuous_40"), Case("large_60"));
        var results = ProtocolAnalysis.Run(protocol, Dataset(protocol, ("ENFANTS", focal, null), ("RESTES", comparison, null)));

        var analysis = Assert.Single(results.Analyses);
        Assert.Equal(["CONFIANCE/ENFANTS", "CONFIANCE/RESTES"], analysis.Changes.Where(c => c.Indicator == "CONFIANCE").Select(c => $"{c.Indicator}/{c.Group}"));
        var contrast = analysis.Contrasts.Single(c => c.Indicator == "CONFIANCE");
        var expected = focal.GetProperty("mean").GetDouble() - comparison.GetProperty("mean").GetDouble();
        Assert.Equal(expected, contrast.Effect!.Value, 10);
        var welch = Math.Sqrt(Math.Pow(focal.GetProperty("se").GetDouble(), 2) + Math.Pow(comparison.GetProperty("se").GetDouble(), 2));
        Assert.Equal(welch, contrast.Effect.StandardError, 10);
        Assert.Equal(EffectScale.Difference, contrast.Scale);
    }

    [Fact]
    public void Load_PairedChangeWithoutBaselineOrWithCovariates_PlacedErrors()
    {
        var text = File.ReadAllText(ProtocolPath);
        var noBaseline = ProtocolLoader.Load(text.Replace(" baseline_wave: AVANT,", ""), "p.yaml");
        Assert.Contains(noBaseline.Errors, e => e.Message.Contains("mesure une évolution (paired_change) sans vague de référence"));
        var covariates = ProtocolLoader.Load(text.Replace("estimator: paired_change", "estimator: paired_change, covariates: [AGE]")
            .Replace("groups:", "covariates:\n  - { code: AGE, label: \"Âge\", type: continuous }\ngroups:"), "p.yaml");
        Assert.Contains(covariates.Errors, e => e.Message.Contains("n'ajuste sur aucune covariable"));
    }

    private static string ProtocolPath => PairedCohort.ProtocolPath;

    private static Protocol Protocol(string text) => ProtocolLoader.Load(text, "sejours.yaml") is { Protocol: { } p } ? p : throw new InvalidOperationException("invalid protocol");

    private static JsonElement Case(string name) => PairedCohort.Case(name);

    private static AnalysisDataset Dataset(Protocol protocol, params (string Group, JsonElement Confiance, JsonElement? Envie)[] groups) => PairedCohort.Dataset(protocol, groups);
}

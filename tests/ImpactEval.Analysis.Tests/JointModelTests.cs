using System.Collections.Immutable;
using System.Text.Json;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.TestSupport;
using Xunit;

namespace ImpactEval.Analysis.Tests;

/// <summary>
/// A three-cohort protocol in 12 schools (Reference/joint_models.R, Fixtures/joint_models.json: 360 families, missing
/// outcomes and covariates): every analysis option against the R call an evaluator would make. Joint models are one fit
/// on the three groups with the focal group as reference (each contrast is minus one coefficient); pairwise models fit
/// each contrast on two groups. Expected values from estimatr 1.0.0, clubSandwich 0.5.8, sandwich 3.0.2, ordinal and nnet.
/// </summary>
public class JointModelTests
{
    private static readonly JsonElement Fixture = ThreeGroupCohort.Fixture;

    /// <summary>The analysis lines of each case: estimator, outcome and options.</summary>
    public static TheoryData<string, string, double> Cases() => new()
    {
        { "joint_CR2", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]", 1e-8 },
        { "joint_stata", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: CR1", 1e-8 },
        { "joint_CR0", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: CR0", 1e-8 },
        { "joint_HC2", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: HC2", 1e-8 },
        { "joint_HC1", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: HC1", 1e-8 },
        { "joint_HC0", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: HC0", 1e-8 },
        { "joint_classical", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: classique", 1e-8 },
        { "joint_CR2_satterthwaite", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\ndf: satterthwaite", 1e-8 },
        { "joint_CR1S_satterthwaite", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: CR1\ndf: satterthwaite", 1e-8 },
        { "joint_CR0_satterthwaite", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nvariance: CR0\ndf: satterthwaite", 1e-8 },
        { "joint_CR2_clusters", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\ndf: clusters_moins_un", 1e-8 },
        { "pairwise_CR2", "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]\nmodel: pairwise", 1e-8 },
        { "joint_lin_CR2", "estimator: lin\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]", 1e-8 },
        { "joint_ordered_CR1", "estimator: ordered_logit\noutcomes: [NOTE]\ncovariates: [X1, X2]", 1e-6 },
        { "joint_logistic_CR1", "estimator: logistic\noutcomes: [OUI]\ncovariates: [X1, X2]", 1e-6 },
        { "joint_logistic_HC0", "estimator: logistic\noutcomes: [OUI]\ncovariates: [X1, X2]\nvariance: HC0", 1e-6 },
        { "joint_logistic_classical", "estimator: logistic\noutcomes: [OUI]\ncovariates: [X1, X2]\nvariance: classique", 1e-6 },
        { "joint_weighting_CR2", "estimator: weighting\noutcomes: [SCORE]\ncovariates: [X1, X2]", 1e-6 },
        { "joint_weighting_baseline_CR2", "estimator: weighting\noutcomes: [SCORE]\ncovariates: [X1, X2]\nbaseline_wave: T1\nbaseline: outcome", 1e-6 },
    };

    /// <summary>Two-sample statistics (always one contrast at a time): each field the R reference gives.</summary>
    public static TheoryData<string, string> TwoSampleCases() => new()
    {
        { "pairwise_wilcoxon", "estimator: wilcoxon\noutcomes: [NOTE]" },
        { "pairwise_risk_difference", "estimator: risk_difference\noutcomes: [OUI]" },
        { "pairwise_risk_ratio", "estimator: risk_ratio\noutcomes: [OUI]" },
    };

    [Theory]
    [MemberData(nameof(TwoSampleCases))]
    public void Run_TwoSampleEstimators_EqualR(string name, string analysis)
    {
        var protocol = Protocol(analysis);
        var result = ProtocolAnalysis.Run(protocol, Dataset(protocol)).Analyses.Single();

        Assert.Null(result.Model);
        foreach (var (contrast, row) in result.Contrasts.Zip(Fixture.GetProperty("cases").GetProperty(name).EnumerateArray()))
        {
            var e = contrast.Effect!;
            var fields = new Dictionary<string, double>
            {
                ["estimate"] = e.Value, ["statistic"] = e.Statistic, ["std_error"] = e.StandardError, ["p_value"] = e.PValue,
                ["conf_low"] = e.Interval.Lower, ["conf_high"] = e.Interval.Upper,
            };
            foreach (var (field, actual) in fields)
                if (row.TryGetProperty(field, out _)) Close(row, field, actual, 1e-9, $"{name} BEN vs {contrast.Comparison}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ThreeGroupsInSchools_EqualsR(string name, string analysis, double tolerance)
    {
        var protocol = Protocol(analysis);
        var result = ProtocolAnalysis.Run(protocol, Dataset(protocol)).Analyses.Single();

        var expected = Fixture.GetProperty("cases").GetProperty(name).EnumerateArray().ToList();
        Assert.Equal(2, result.Contrasts.Length);
        foreach (var (contrast, row) in result.Contrasts.Zip(expected))
        {
            Assert.Equal(row.GetProperty("comparison").GetString(), contrast.Comparison);
            var e = contrast.Effect;
            Assert.NotNull(e);
            var what = $"{name} BEN vs {contrast.Comparison}";
            Close(row, "estimate", e!.Value, tolerance, what);
            Close(row, "std_error", e.StandardError, tolerance, what);
            Close(row, "df", e.DegreesOfFreedom, tolerance, what);
            Close(row, "p_value", e.PValue, tolerance, what);
            Close(row, "conf_low", e.Interval.Lower, tolerance, what);
            Close(row, "conf_high", e.Interval.Upper, tolerance, what);
        }
    }

    // One model for the three groups: both contrasts come from the same fit, so they share its n and its clusters.
    [Fact]
    public void Run_Joint_ContrastsShareOneFit()
    {
        var protocol = Protocol("estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]");
        var result = ProtocolAnalysis.Run(protocol, Dataset(protocol)).Analyses.Single();

        Assert.Equal(AnalysisModel.Joint, result.Model);
        Assert.Contains("un seul modèle sur les 3 groupes", result.Method);
        Assert.Single(result.Contrasts.Select(c => c.Effect!.N).Distinct());
        Assert.All(result.Contrasts, c => Assert.Equal("CR2", c.Variance));
        Assert.All(result.Contrasts, c => Assert.Equal(12, c.Clusters));
        Assert.True(result.Contrasts[0].Effect!.N > result.Contrasts[0].FocalN + result.Contrasts[0].ComparisonN);
    }

    private static void Close(JsonElement row, string field, double actual, double tolerance, string what)
    {
        // jsonlite writes R's Inf as null: the df of a normal (z) reference.
        var value = row.GetProperty(field);
        if (value.ValueKind == JsonValueKind.Null && field == "df")
        {
            Assert.True(double.IsPositiveInfinity(actual), $"{what} df: expected Inf, got {actual:R}");
            return;
        }
        var expected = value.GetDouble();
        var scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"{what} {field}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>The three-group protocol with one analysis "A" at T2 (its lines given) and more root text.</summary>
    internal static Protocol Protocol(string analysis, string more = "") =>
        ThreeGroupCohort.Protocol("analyses:\n  - code: A\n    label: \"Analyse\"\n    wave: T2\n" +
                                  string.Join("\n", analysis.Split('\n').Select(l => "    " + l)) + "\n" + more);

    internal static AnalysisDataset Dataset(Protocol protocol) => ThreeGroupCohort.Dataset(protocol);
}

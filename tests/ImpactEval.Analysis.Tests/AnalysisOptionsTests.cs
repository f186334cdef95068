using ImpactEval.Statistics;
using Xunit;

namespace ImpactEval.Analysis.Tests;

/// <summary>
/// The analysis options beyond the variance (families of tests, the cluster bootstrap, E-values, ordered-logit
/// thresholds) on the three-group fixture of <see cref="JointModelTests"/>.
/// </summary>
public class AnalysisOptionsTests
{
    private static Analysis.Results.AnalysisResults Run(string analysis, string more = "")
    {
        var protocol = JointModelTests.Protocol(analysis, more);
        return ProtocolAnalysis.Run(protocol, JointModelTests.Dataset(protocol));
    }

    // A family spanning two analyses: the four p-values (2 analyses × 2 contrasts) are adjusted together by Holm, as
    // p.adjust(c(p1, p2, p3, p4), "holm") would (MultipleTesting.Holm is checked against R in the Statistics tests).
    [Fact]
    public void Run_FamilyAcrossAnalyses_AdjustsAllTogether()
    {
        const string a = "estimator: ancova\noutcomes: [SCORE]\ncovariates: [X1, X2]";
        const string b = "  - { code: B, label: \"Oui\", wave: T2, estimator: logistic, outcomes: [OUI], covariates: [X1, X2], multiplicity: none }";
        var separate = Run(a, b);
        var protocol = JointModelTests.Protocol(a, b.Replace(", multiplicity: none", "") + "\nfamilies:\n  - { code: F, analyses: [A, B], multiplicity: holm }");
        Assert.True(protocol.Analyses.All(x => x.FamilyCode == "F"));
        var family = ProtocolAnalysis.Run(protocol, JointModelTests.Dataset(protocol));

        var all = family.Analyses.SelectMany(x => x.Contrasts).ToList();
        var expected = MultipleTesting.Holm([.. all.Select(c => c.Effect!.PValue)]);
        Assert.Equal(4, all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(expected[i].Value, all[i].Adjusted!.Value.Value, 15);
            Assert.Equal(4, all[i].Adjusted!.Value.FamilySize);
        }
        Assert.All(family.Analyses, x => Assert.Equal("F", x.Family));
        Assert.All(family.Analyses, x => Assert.Equal(Core.Model.Multiplicity.Holm, x.Multiplicity));
        // Without the family, each analysis × contrast is a family of one outcome: nothing is adjusted.
        Assert.All(separate.Analyses.SelectMany(x => x.Contrasts), c => Assert.Null(c.Adjusted));
    }

    // The bootstrap keeps the ANCOVA's point estimate, resamples the 12 schools, and is reproducible from its seed.
    [Fact]
    public void Run_ClusterBootstrap_AncovaEstimateAndSeededInterval()
    {
        const string ancova = "estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]";
        var reference = Run(ancova).Analyses.Single().Contrasts;
        var first = Run(ancova.Replace("ancova", "cluster_bootstrap") + "\nbootstrap: { replications: 499, seed: 11 }").Analyses.Single().Contrasts;
        var again = Run(ancova.Replace("ancova", "cluster_bootstrap") + "\nbootstrap: { replications: 499, seed: 11 }").Analyses.Single().Contrasts;
        var other = Run(ancova.Replace("ancova", "cluster_bootstrap") + "\nbootstrap: { replications: 499, seed: 12 }").Analyses.Single().Contrasts;

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(reference[i].Effect!.Value, first[i].Effect!.Value, 10);
            Assert.Equal(first[i].Effect!.Interval, again[i].Effect!.Interval);
            Assert.NotEqual(first[i].Effect!.Interval, other[i].Effect!.Interval);
            Assert.Equal("bootstrap", first[i].Variance);
            Assert.Equal(12, first[i].Clusters);
            // Same order of magnitude as the CR2 standard error (both estimate the sampling spread across schools).
            Assert.InRange(first[i].Effect!.StandardError / reference[i].Effect!.StandardError, 0.5, 2);
        }
    }

    // E-value of an adjusted difference: standardised by the pooled SD of the two groups' outcomes, RR ≈ exp(0.91 d).
    [Fact]
    public void Run_Ancova_EValueOfStandardisedDifference()
    {
        var protocol = JointModelTests.Protocol("estimator: ancova\noutcomes: [SCORE]\nbaseline_wave: T1\ncovariates: [X1, X2]");
        var dataset = JointModelTests.Dataset(protocol);
        var contrast = ProtocolAnalysis.Run(protocol, dataset).Analyses.Single().Contrasts[0];

        var y = dataset.Outcome("SCORE", "T2");
        var groups = new[] { "BEN", "EAJE" }.Select(g => Enumerable.Range(0, dataset.Count).Where(i => dataset.Groups[i] == g && !double.IsNaN(y[i])).Select(i => y[i]).ToArray()).ToArray();
        var squares = groups.Sum(v => v.Sum(x => (x - v.Average()) * (x - v.Average())));
        var sd = Math.Sqrt(squares / (groups.Sum(v => v.Length) - 2));
        var expected = EValues.ForStandardisedDifference(contrast.Effect!.Value / sd, contrast.Effect.StandardError / sd);

        Assert.Equal(expected, contrast.EValue);
        Assert.True(contrast.EValue!.Point > 1);
    }

    // The ordered logit's thresholds travel with each contrast, with the same CR1 variance on t(G − 1).
    [Fact]
    public void Run_OrderedLogit_ThresholdsWithChosenVariance()
    {
        var contrasts = Run("estimator: ordered_logit\noutcomes: [NOTE]\ncovariates: [X1, X2]").Analyses.Single().Contrasts;

        Assert.All(contrasts, c => Assert.Equal(["1|2", "2|3", "3|4"], c.Thresholds.Select(t => t.Term)));
        Assert.All(contrasts[0].Thresholds, t => Assert.Equal(11, t.DegreesOfFreedom));
        Assert.Equal(contrasts[0].Thresholds, contrasts[1].Thresholds);
        Assert.NotNull(contrasts[0].EValue);
    }

    // "baseline: outcome": the score at T1 enters the balance tables like a covariate, on its own complete rows, without
    // being declared as a covariate; the covariates' rows are those of a protocol without the option.
    [Fact]
    public void Run_BaselineOutcome_BalanceTablesShowTheBaselineValue()
    {
        const string weighting = "estimator: weighting\noutcomes: [SCORE]\ncovariates: [X1, X2]\nbaseline_wave: T1";
        var with = Run(weighting + "\nbaseline: outcome");
        var without = Run(weighting);

        var enrolled = with.Balance.First(b => b.Sample == "inscrits" && b.Comparison == "EAJE");
        Assert.Equal(["X1", "X2", "SCORE@T1"], enrolled.Rows.Select(r => r.Covariate));
        Assert.Equal(without.Balance.First(b => b.Sample == "inscrits" && b.Comparison == "EAJE").Rows.Select(r => r.Difference),
            enrolled.Rows.Take(2).Select(r => r.Difference));
        Assert.NotEqual(with.Analyses[0].Contrasts[0].Effect!.Value, without.Analyses[0].Contrasts[0].Effect!.Value); // the propensity model changed
    }
}

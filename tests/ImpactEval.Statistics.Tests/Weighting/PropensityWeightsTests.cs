using System.Text.Json;
using ImpactEval.Statistics.Tests.Models;
using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Weighting;

public class PropensityWeightsTests
{
    private const double Tol = 1e-6;

    public static IEnumerable<object[]> WeightedCases =>
        ModelFixtures.Cases("models/multinomial.json").Where(o => ModelFixtures.Case("models/multinomial.json", (int)o[1]).TryGetProperty("att_weights", out _));

    // Real-world case: ATT weights that make the two PasserelleS comparison cohorts resemble the
    // beneficiary families (and, in one case, the third cohort as focal), from the multinomial
    // propensity model. Expected values: Reference/models.R — WeightIt's get_w_from_ps convention
    // w = p_focal / p_own computed from VGAM fitted values, summary.weightit statistics (ESS,
    // range, top 5, coefficient of variation with sd()), and the min–max overlap of
    // p_focal / (p_focal + p_g).
    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void AttFromMultinomial_ReferenceDataset_MatchesWeightItConvention(string name, int index)
    {
        var c = ModelFixtures.Case("models/multinomial.json", index);
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var labels = Strings(c.GetProperty("labels"));
        var focal = c.GetProperty("focal").GetInt32();
        var fit = MultinomialLogit.Fit(g, labels, ModelFixtures.Predictors(c));
        var weights = PropensityWeights.AttFromMultinomial(fit, g, focal);
        var expected = Doubles(c.GetProperty("att_weights"));
        for (var i = 0; i < expected.Length; i++) AssertClose(expected[i], weights.Weights[i], Tol, $"{name} w[{i}]");

        CheckSummary(c.GetProperty("weight_summary"), WeightDiagnostics.Summarize(weights.Weights.AsSpan(), g, labels), name);
        var overlap = WeightDiagnostics.Overlap(fit.Probabilities.AsSpan(), labels.Length, g, labels, focal);
        CheckOverlap(c.GetProperty("overlap"), overlap, name);
    }

    // Two groups (beneficiaries vs childcare) with a logistic propensity score: e/(1 − e).
    [Fact]
    public void AttFromBinary_LogisticPropensity_MatchesWeightItConvention()
    {
        var c = Load("models/binary_propensity.json");
        var focal = Doubles(c.GetProperty("focal")).Select(v => v == 1).ToArray();
        var predictors = ModelFixtures.Predictors(c);
        var fit = LogisticRegression.Fit(focal.Select(f => f ? 1.0 : 0.0).ToArray(), predictors);
        var ps = fit.FittedProbabilities.AsSpan();
        var expectedPs = Doubles(c.GetProperty("propensity"));
        for (var i = 0; i < expectedPs.Length; i++) AssertClose(expectedPs[i], ps[i], Tol, $"ps[{i}]");
        var w = PropensityWeights.AttFromBinary(ps, focal);
        var expected = Doubles(c.GetProperty("att_weights"));
        for (var i = 0; i < expected.Length; i++) AssertClose(expected[i], w.Weights[i], Tol, $"w[{i}]");
        var codes = focal.Select(f => f ? 0 : 1).ToArray();
        CheckSummary(c.GetProperty("weight_summary"), WeightDiagnostics.Summarize(w.Weights.AsSpan(), codes, ["BEN", "CRECHE"]), "binary");
        var ov = WeightDiagnostics.Overlap(ps, focal, "BEN", "CRECHE");
        CheckOverlap(c.GetProperty("overlap"), [ov], "binary");
    }

    [Fact]
    public void AttFromMultinomial_RowWithoutPropensity_Throws()
    {
        var c = ModelFixtures.Case("models/multinomial.json", 3); // two rows with a missing covariate
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var fit = MultinomialLogit.Fit(g, Strings(c.GetProperty("labels")), ModelFixtures.Predictors(c));
        var ex = Assert.Throws<StatisticsException>(() => PropensityWeights.AttFromMultinomial(fit, g, 0));
        Assert.Contains("2 unité(s) n'ont pas de score de propension", ex.Message);
    }

    [Fact]
    public void AttFromBinary_ComparisonUnitWithPropensityOne_Throws() =>
        Assert.Throws<StatisticsException>(() => PropensityWeights.AttFromBinary([0.3, 1.0, 0.5], [true, false, false]));

    [Fact]
    public void AttFromProbabilities_FocalUnitsWeighOne()
    {
        double[] p = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3];
        var w = PropensityWeights.AttFromProbabilities(p, 3, [2, 0], focalGroup: 2);
        Assert.Equal(1.0, w.Weights[0]);
        Assert.Equal(0.3 / 0.6, w.Weights[1], 15);
    }

    internal static void CheckSummary(JsonElement expected, IReadOnlyList<GroupWeightSummary> actual, string name)
    {
        var rows = expected.EnumerateArray().ToArray();
        Assert.Equal(rows.Length, actual.Count);
        for (var k = 0; k < rows.Length; k++)
        {
            var e = rows[k];
            var a = actual[k];
            var what = $"{name} {a.Group}";
            Assert.Equal(e.GetProperty("group").GetString(), a.Group);
            Assert.Equal(e.GetProperty("n").GetInt32(), a.N);
            AssertClose(e.GetProperty("sum").GetDouble(), a.SumOfWeights, Tol, what + " sum");
            AssertClose(e.GetProperty("ess").GetDouble(), a.EffectiveSampleSize, Tol, what + " ESS");
            AssertClose(e.GetProperty("min_positive").GetDouble(), a.MinimumPositiveWeight, Tol, what + " min");
            AssertClose(e.GetProperty("max").GetDouble(), a.MaximumWeight, Tol, what + " max");
            AssertClose(e.GetProperty("cv").GetDouble(), a.CoefficientOfVariation, Tol, what + " CV");
            Assert.Equal(e.GetProperty("zeros").GetInt32(), a.ZeroWeights);
            var topW = Doubles(e.GetProperty("top_weights"));
            for (var t = 0; t < topW.Length; t++) AssertClose(topW[t], a.LargestWeights[t].Weight, Tol, what + $" top {t}");
            // Rows of the top weights agree unless two weights tie within the tolerance.
            var topRows = ModelFixtures.Ints(e.GetProperty("top_rows"));
            if (topW.Distinct().Count() == topW.Length) Assert.Equal(topRows, a.LargestWeights.Select(r => r.Row));
        }
    }

    internal static void CheckOverlap(JsonElement expected, IReadOnlyList<PropensityOverlap> actual, string name)
    {
        var rows = expected.EnumerateArray().ToArray();
        Assert.Equal(rows.Length, actual.Count);
        for (var k = 0; k < rows.Length; k++)
        {
            var e = rows[k];
            var a = actual[k];
            var what = $"{name} overlap {a.ComparisonGroup}";
            Assert.Equal(e.GetProperty("comparison").GetString(), a.ComparisonGroup);
            AssertClose(e.GetProperty("focal_min").GetDouble(), a.FocalMinimum, Tol, what);
            AssertClose(e.GetProperty("focal_max").GetDouble(), a.FocalMaximum, Tol, what);
            AssertClose(e.GetProperty("comp_min").GetDouble(), a.ComparisonMinimum, Tol, what);
            AssertClose(e.GetProperty("comp_max").GetDouble(), a.ComparisonMaximum, Tol, what);
            AssertClose(e.GetProperty("lower").GetDouble(), a.CommonSupportLower, Tol, what);
            AssertClose(e.GetProperty("upper").GetDouble(), a.CommonSupportUpper, Tol, what);
            Assert.Equal(e.GetProperty("focal_outside").GetInt32(), a.FocalOutside);
            Assert.Equal(e.GetProperty("comp_outside").GetInt32(), a.ComparisonOutside);
        }
    }
}

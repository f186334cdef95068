using System.Text.Json;
using ImpactEval.Statistics.Tests.Models;
using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Balance;

public class CovariateBalanceTests
{
    private const double Tol = 1e-8; // closed-form statistics

    public static IEnumerable<object[]> Cases => ModelFixtures.Cases("models/balance.json");

    private static double Num(JsonElement r, string name) =>
        r.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;

    // Real-world case: baseline balance of the PasserelleS cohorts (age, language at home, low
    // income, baseline score with missing values) before and after ATT weighting; a small study
    // with unequal groups (4 / 12 / 7); a covariate constant in the focal group. Expected values:
    // Reference/models.R, hand-coded from cobalt's col_w_mean / col.w.v / col_w_smd / col_w_vr
    // (s.d.denom = "treated" i.e. the focal group's unweighted SD; binary = "raw"; check_if_zero).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Att_ReferenceDataset_MatchesCobaltFormulas(string name, int index)
    {
        var c = ModelFixtures.Case("models/balance.json", index);
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var labels = Strings(c.GetProperty("labels"));
        var focal = c.GetProperty("focal").GetInt32();
        var w = ModelFixtures.OptionalDoubles(c, "weights");
        var covs = ModelFixtures.Predictors(c);
        var table = CovariateBalance.Att(covs, g, labels, focal, w);
        var std = CovariateBalance.Att(covs, g, labels, focal, w, BinaryBalanceStatistic.StandardizedDifference);
        var rows = c.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, table.Length);
        for (var k = 0; k < rows.Length; k++)
        {
            var e = rows[k];
            var a = table[k];
            var what = $"{name} {a.Covariate} vs {a.ComparisonGroup}";
            Assert.Equal(e.GetProperty("covariate").GetString(), a.Covariate);
            Assert.Equal(e.GetProperty("comparison").GetString(), a.ComparisonGroup);
            Assert.Equal(e.GetProperty("binary").GetBoolean(), a.Kind == CovariateKind.Binary);
            Assert.Equal(e.GetProperty("n_focal").GetInt32(), a.NFocal);
            Assert.Equal(e.GetProperty("n_comp").GetInt32(), a.NComparison);
            AssertClose(Num(e, "mean_focal"), a.MeanFocal, Tol, what + " mean focal");
            AssertClose(Num(e, "mean_comp"), a.MeanComparison, Tol, what + " mean comp");
            AssertClose(Num(e, "diff"), a.Difference, Tol, what + " diff");
            AssertClose(Num(e, "diff_std"), std[k].Difference, Tol, what + " standardised diff");
            if (a.Kind == CovariateKind.Continuous) AssertClose(Num(e, "vr"), a.VarianceRatio!.Value, Tol, what + " VR");
            else Assert.Null(a.VarianceRatio);
            if (double.IsNaN(Num(e, "diff"))) Assert.Contains("écart-type nul", string.Join(" ", a.Warnings));
            if (w.Length == 0)
            {
                Assert.Null(a.WeightedDifference);
                continue;
            }
            AssertClose(Num(e, "wmean_focal"), a.WeightedMeanFocal!.Value, Tol, what + " wmean focal");
            AssertClose(Num(e, "wmean_comp"), a.WeightedMeanComparison!.Value, Tol, what + " wmean comp");
            AssertClose(Num(e, "wdiff"), a.WeightedDifference!.Value, Tol, what + " weighted diff");
            AssertClose(Num(e, "wdiff_std"), std[k].WeightedDifference!.Value, Tol, what + " weighted std diff");
            if (a.Kind == CovariateKind.Continuous) AssertClose(Num(e, "wvr"), a.WeightedVarianceRatio!.Value, Tol, what + " weighted VR");
        }
    }

    // WWC baseline equivalence on the same datasets. Expected values: Reference/models.R,
    // hand-coded WWC Handbook v5.0 formulas (Hedges' g with ω = 1 − 3/(4N − 9); Cox index).
    [Theory]
    [MemberData(nameof(Cases))]
    public void WwcAssess_ReferenceDataset_MatchesHandbookFormulas(string name, int index)
    {
        var c = ModelFixtures.Case("models/balance.json", index);
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var table = WwcBaselineEquivalence.Assess(ModelFixtures.Predictors(c), g, Strings(c.GetProperty("labels")), c.GetProperty("focal").GetInt32());
        var rows = c.GetProperty("rows").EnumerateArray().ToArray();
        for (var k = 0; k < rows.Length; k++)
        {
            var e = rows[k];
            var a = table[k];
            var what = $"{name} {a.Covariate} vs {a.ComparisonGroup}";
            AssertClose(Num(e, "wwc_sd_focal"), a.SdFocal, Tol, what + " sd focal");
            AssertClose(Num(e, "wwc_sd_comp"), a.SdComparison, Tol, what + " sd comp");
            AssertClose(Num(e, "wwc_es"), a.EffectSize, Tol, what + " effect size");
            var band = e.GetProperty("wwc_band");
            if (band.ValueKind == JsonValueKind.Null) Assert.Null(a.Band);
            else Assert.Equal(Enum.Parse<WwcEquivalenceBand>(band.GetString()!), a.Band);
        }
    }

    // WWC bands at and around the boundaries (Handbook v5.0: ≤ 0.05, ≤ 0.25, > 0.25).
    [Theory]
    [InlineData(0.05, WwcEquivalenceBand.Satisfied)]
    [InlineData(-0.0500001, WwcEquivalenceBand.RequiresStatisticalAdjustment)]
    [InlineData(0.25, WwcEquivalenceBand.RequiresStatisticalAdjustment)]
    [InlineData(-0.2500001, WwcEquivalenceBand.NotSatisfied)]
    [InlineData(0.0, WwcEquivalenceBand.Satisfied)]
    public void Classify_BoundaryValues_FollowHandbookBands(double es, WwcEquivalenceBand expected) =>
        Assert.Equal(expected, WwcBaselineEquivalence.Classify(es));

    // A proportion of 0 in one group: the Cox index (difference of logits) is infinite.
    [Fact]
    public void WwcAssess_ProportionZero_UndefinedWithWarning()
    {
        var row = WwcBaselineEquivalence.Assess([new Predictor("aide", [0, 0, 0, 1, 0, 1])], [0, 0, 0, 1, 1, 1], ["F", "C"], 0)[0];
        Assert.True(double.IsNaN(row.EffectSize));
        Assert.Null(row.Band);
        Assert.Contains("indice de Cox", row.Warnings[0]);
    }

    // A comparison cohort whose ATT weights are all zero (e.g. trimmed): weighted balance impossible.
    [Fact]
    public void Att_AllWeightsZeroInGroup_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() => CovariateBalance.Att([new Predictor("x", [1, 2, 3, 4])], [0, 0, 1, 1], ["F", "C"], 0, [1, 1, 0, 0]));
        Assert.Contains("Tous les poids du groupe « C » sont nuls", ex.Message);
    }

    [Fact]
    public void Att_GroupAbsent_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() => CovariateBalance.Att([new Predictor("x", [1, 2, 3])], [0, 0, 0], ["F", "C"], 0));
        Assert.Contains("« C » ne compte aucune unité", ex.Message);
    }

    // Hand-checkable weighted moments: x = 1, 2, 4 with weights 1, 1, 2 → mean 11/4; cobalt's
    // variance Σw̃(x − m)² / (1 − Σw̃²) = (0.25·3.0625 + 0.25·0.5625 + 0.5·1.5625) / (1 − 0.375).
    [Fact]
    public void WeightedMoments_HandComputed()
    {
        Assert.Equal(2.75, WeightedMoments.Mean([1, 2, 4], [1, 1, 2]), 14);
        Assert.Equal((0.25 * 3.0625 + 0.25 * 0.5625 + 0.5 * 1.5625) / 0.625, WeightedMoments.Variance([1, 2, 4], [1, 1, 2]), 14);
        Assert.Equal(0.75 * 0.25, WeightedMoments.Variance([1, 1, 1, 0], default, binary: true), 14);
        Assert.Equal(1.0, WeightedMoments.Variance([1, 2, 3]), 14);
    }
}

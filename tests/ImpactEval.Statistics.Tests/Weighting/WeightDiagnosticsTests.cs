using Xunit;

namespace ImpactEval.Statistics.Tests.Weighting;

public class WeightDiagnosticsTests
{
    // Hand-checkable case: weights 1, 1, 2 → ESS = 16/6, CV = sd(1,1,2)/(4/3) = 0.57735/1.3333.
    [Fact]
    public void Summarize_SmallGroup_HandComputedValues()
    {
        var s = WeightDiagnostics.Summarize([1, 1, 2, 1], [0, 0, 0, 1], ["A", "B"]);
        Assert.Equal(16.0 / 6.0, s[0].EffectiveSampleSize, 12);
        Assert.Equal(Math.Sqrt(1.0 / 3.0) / (4.0 / 3.0), s[0].CoefficientOfVariation, 12);
        Assert.Equal(2, s[0].LargestWeights[0].Row);
        Assert.True(double.IsNaN(s[1].CoefficientOfVariation));
        Assert.Contains("qu'une unité", s[1].Warnings[0]);
    }

    // A comparison cohort where every unit lies outside the support gets weight 0 everywhere.
    [Fact]
    public void Summarize_AllWeightsZeroInGroup_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() => WeightDiagnostics.Summarize([1, 1, 0, 0], [0, 0, 1, 1], ["BEN", "CRECHE"]));
        Assert.Contains("Tous les poids du groupe « CRECHE » sont nuls", ex.Message);
    }

    [Fact]
    public void Summarize_GroupAbsent_Throws() =>
        Assert.Throws<StatisticsException>(() => WeightDiagnostics.Summarize([1, 1], [0, 0], ["BEN", "CRECHE"]));

    [Fact]
    public void Overlap_DisjointScores_ReportsNoOverlap()
    {
        var ov = WeightDiagnostics.Overlap([0.8, 0.9, 0.1, 0.2], [true, true, false, false]);
        Assert.True(ov.CommonSupportLower > ov.CommonSupportUpper);
        Assert.Equal(2, ov.FocalOutside);
        Assert.Equal(1.0, ov.ComparisonShareOutside);
        Assert.Contains("Aucun recouvrement", ov.Warnings[0]);
    }
}

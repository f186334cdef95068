using System.Text.Json;
using ImpactEval.Statistics.Tests.Models;
using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Attrition;

public class WwcAttritionTests
{
    private const double Tol = 1e-10;

    public static IEnumerable<object[]> Cases => ModelFixtures.Cases("models/attrition.json");

    // Real-world case: families enrolled in the three PasserelleS cohorts and rated by teachers at
    // two waves (T1, T2), a small two-group follow-up (6 vs 15) and a study that lost most of its
    // sample. Expected values: Reference/models.R — rates computed directly, boundary looked up in
    // WWC Standards Handbook v4.1 Table II.1 (same in v5.0) with the conservative bracketing rule.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_ReferenceDataset_MatchesRatesAndBoundary(string name, int index)
    {
        var c = ModelFixtures.Case("models/attrition.json", index);
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var labels = Strings(c.GetProperty("labels"));
        var focal = c.GetProperty("focal").GetInt32();
        foreach (var wave in c.GetProperty("waves").EnumerateArray())
        {
            var obs = wave.GetProperty("observed").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
            var label = wave.GetProperty("wave").GetString()!;
            foreach (var boundary in new[] { AttritionBoundary.Cautious, AttritionBoundary.Optimistic })
            {
                var result = WwcAttrition.Assess(g, obs, labels, focal, boundary, label);
                var expected = wave.GetProperty("contrasts").EnumerateArray().ToArray();
                Assert.Equal(expected.Length, result.Length);
                for (var k = 0; k < expected.Length; k++)
                {
                    var e = expected[k];
                    var a = result[k];
                    var what = $"{name} {label} {a.ComparisonGroup} {boundary}";
                    Assert.Equal(label, a.Wave);
                    Assert.Equal(e.GetProperty("comparison").GetString(), a.ComparisonGroup);
                    Assert.Equal(e.GetProperty("enrolled_focal").GetInt32(), a.EnrolledFocal);
                    Assert.Equal(e.GetProperty("observed_focal").GetInt32(), a.ObservedFocal);
                    Assert.Equal(e.GetProperty("enrolled_comp").GetInt32(), a.EnrolledComparison);
                    Assert.Equal(e.GetProperty("observed_comp").GetInt32(), a.ObservedComparison);
                    AssertClose(e.GetProperty("rate_focal").GetDouble(), a.AttritionRateFocal, Tol, what);
                    AssertClose(e.GetProperty("rate_comp").GetDouble(), a.AttritionRateComparison, Tol, what);
                    AssertClose(e.GetProperty("overall").GetDouble(), a.OverallAttritionRate, Tol, what);
                    AssertClose(e.GetProperty("differential_points").GetDouble(), a.DifferentialAttritionPoints, Tol, what);
                    var key = boundary == AttritionBoundary.Cautious ? "cautious" : "optimistic";
                    var max = e.GetProperty("max_" + key);
                    if (max.ValueKind == JsonValueKind.Null) Assert.Null(a.MaximumDifferentialPoints);
                    else AssertClose(max.GetDouble(), a.MaximumDifferentialPoints!.Value, Tol, what + " boundary");
                    Assert.Equal(e.GetProperty("low_" + key).GetBoolean(), a.IsLowAttrition);
                    Assert.Equal(a.IsLowAttrition ? "attrition faible" : "attrition élevée", a.Verdict);
                }
            }
        }
    }

    // Anchor values of WWC Standards Handbook v4.1 Table II.1 (overall %, cautious, optimistic).
    [Theory]
    [InlineData(0, 5.7, 10.0)]
    [InlineData(10, 6.3, 10.9)]
    [InlineData(20, 5.4, 10.0)]
    [InlineData(30, 4.1, 8.2)]
    [InlineData(40, 2.6, 6.0)]
    [InlineData(50, 1.0, 3.7)]
    [InlineData(57, 0.0, 2.1)]
    public void MaximumDifferentialPoints_WholePercent_TableValue(int overallPercent, double cautious, double optimistic)
    {
        Assert.Equal(cautious, WwcAttrition.MaximumDifferentialPoints(overallPercent / 100.0, AttritionBoundary.Cautious));
        Assert.Equal(optimistic, WwcAttrition.MaximumDifferentialPoints(overallPercent / 100.0, AttritionBoundary.Optimistic));
    }

    // Beyond the table: cautious stops at 57 %, optimistic at 65 %.
    [Fact]
    public void MaximumDifferentialPoints_BeyondTable_Null()
    {
        Assert.Null(WwcAttrition.MaximumDifferentialPoints(0.58, AttritionBoundary.Cautious));
        Assert.Equal(0.3, WwcAttrition.MaximumDifferentialPoints(0.65, AttritionBoundary.Optimistic));
        Assert.Null(WwcAttrition.MaximumDifferentialPoints(0.651, AttritionBoundary.Optimistic));
    }

    // Between whole percentages the smaller neighbouring boundary is used (no interpolation):
    // 8.5 % overall → min(6.3, 6.3); 20.5 % → min(5.4, 5.3) = 5.3 cautious.
    [Fact]
    public void MaximumDifferentialPoints_BetweenPercents_ConservativeNeighbour() =>
        Assert.Equal(5.3, WwcAttrition.MaximumDifferentialPoints(0.205, AttritionBoundary.Cautious));

    // The example used with the WWC boundary: 30 % overall, 6 points differential is high under the
    // cautious boundary (4.1) and low under the optimistic one (8.2).
    [Fact]
    public void IsLowAttrition_ThirtyPercentSixPoints_DependsOnBoundary()
    {
        Assert.False(WwcAttrition.IsLowAttrition(0.30, 6, AttritionBoundary.Cautious));
        Assert.True(WwcAttrition.IsLowAttrition(0.30, 6, AttritionBoundary.Optimistic));
        Assert.True(WwcAttrition.IsLowAttrition(0.30, 4.1, AttritionBoundary.Cautious));
    }

    [Fact]
    public void Assess_GroupWithoutEnrolment_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() =>
            WwcAttrition.Assess([0, 0, 1], [true, false, true], ["BEN", "CRECHE", "ELOIGNE"], 0, AttritionBoundary.Cautious));
        Assert.Contains("« ELOIGNE » ne compte aucune unité inscrite", ex.Message);
    }

    [Fact]
    public void Assess_Explanation_IsFrench()
    {
        var a = WwcAttrition.Assess([0, 0, 0, 0, 1, 1, 1, 1], [true, true, true, false, true, true, true, true], ["BEN", "TEMOIN"], 0, AttritionBoundary.Cautious)[0];
        Assert.Equal("attrition élevée", a.Verdict);
        Assert.StartsWith("Attrition élevée : attrition globale 12,5 %, différentielle 25,0 points", a.Explanation);
    }
}

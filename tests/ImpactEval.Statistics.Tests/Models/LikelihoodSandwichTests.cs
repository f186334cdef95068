using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Models;

/// <summary>
/// Every sandwich of the likelihood models against R's sandwich 3.0.2 (Reference/workbench.R,
/// Fixtures/workbench/likelihood_sandwich.json): CR0 = vcovCL(type = "HC0", cadjust = FALSE), CR1 = vcovCL(type = "HC1"),
/// HC0 and HC1 = vcovCL with one cluster per row (equal to vcovHC for the glm), on glm(binomial) and ordinal::clm. Three cohorts in 9 schools.
/// </summary>
public class LikelihoodSandwichTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("workbench/likelihood_sandwich.json");
    private static readonly List<JsonElement> Rows = [.. Fixture.GetProperty("data").EnumerateArray()];
    private static readonly int[] Clusters = [.. Rows.Select(r => r.GetProperty("cl").GetInt32())];

    private static List<Predictor> Predictors()
    {
        var groups = Rows.Select(r => r.GetProperty("g").GetString()!).ToArray();
        return
        [
            new("gEAJE", [.. groups.Select(g => g == "EAJE" ? 1.0 : 0.0)]),
            new("gLOIN", [.. groups.Select(g => g == "LOIN" ? 1.0 : 0.0)]),
            new("x", [.. Rows.Select(r => r.GetProperty("x").GetDouble())]),
        ];
    }

    [Theory]
    [InlineData(SandwichEstimator.CR0)]
    [InlineData(SandwichEstimator.CR1)]
    [InlineData(SandwichEstimator.HC0)]
    [InlineData(SandwichEstimator.HC1)]
    public void Logistic_EachSandwich_EqualsR(SandwichEstimator type)
    {
        var outcome = Rows.Select(r => r.GetProperty("b").GetDouble()).ToArray();
        var clustered = type is SandwichEstimator.CR0 or SandwichEstimator.CR1;
        var fit = LogisticRegression.Fit(outcome, Predictors(), clusters: clustered ? Clusters : default, sandwich: type);
        var expected = ReferenceFixture.Doubles(Fixture.GetProperty("logistic").GetProperty(type.ToString()).GetProperty("se"));

        Assert.Equal(type, fit.Sandwich);
        for (var j = 0; j < expected.Length; j++)
            ReferenceFixture.AssertClose(expected[j], fit.SandwichCoefficients[j].StandardError, 1e-8, $"{type} {fit.SandwichCoefficients[j].Term}");
        var df = fit.SandwichCoefficients[1].DegreesOfFreedom;
        Assert.Equal(clustered ? 8 : double.PositiveInfinity, df);
    }

    // clm's thresholds come before the slopes in sandwich's order; both carry the chosen variance.
    [Theory]
    [InlineData(SandwichEstimator.CR0)]
    [InlineData(SandwichEstimator.CR1)]
    [InlineData(SandwichEstimator.HC0)]
    [InlineData(SandwichEstimator.HC1)]
    public void OrderedLogit_EachSandwich_EqualsR(SandwichEstimator type)
    {
        var outcome = Rows.Select(r => r.GetProperty("o").GetInt32() - 1).ToArray();
        var clustered = type is SandwichEstimator.CR0 or SandwichEstimator.CR1;
        var fit = OrderedLogit.Fit(outcome, ["1", "2", "3", "4"], Predictors(), clusters: clustered ? Clusters : default, sandwich: type);
        var expected = ReferenceFixture.Doubles(Fixture.GetProperty("ordered").GetProperty(type.ToString()).GetProperty("se"));

        var actual = fit.SandwichThresholds.Concat(fit.SandwichCoefficients).ToList();
        Assert.Equal(expected.Length, actual.Count);
        for (var j = 0; j < expected.Length; j++)
            ReferenceFixture.AssertClose(expected[j], actual[j].StandardError, 1e-8, $"{type} {actual[j].Term}");
        Assert.Equal(fit.Thresholds.Select(t => t.Value), fit.SandwichThresholds.Select(t => t.Value));
    }

    [Fact]
    public void Fit_ClusterRobustSandwichWithoutClusters_Throws()
    {
        var outcome = Rows.Select(r => r.GetProperty("b").GetDouble()).ToArray();
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(outcome, Predictors(), sandwich: SandwichEstimator.CR0));
    }
}

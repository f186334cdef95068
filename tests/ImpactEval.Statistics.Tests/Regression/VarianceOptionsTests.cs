using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// The degrees-of-freedom rules of cluster-robust tables: Satterthwaite for CR0 and CR1, G − 1 for CR2. Three cohorts in
/// 9 schools of unequal sizes (Reference/workbench.R, Fixtures/workbench/variance_options.json); expected values from
/// estimatr 1.0.0 (lm_robust) and clubSandwich 0.5.8 (coef_test and conf_int, test = "Satterthwaite").
/// </summary>
public class VarianceOptionsTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("workbench/variance_options.json");

    private static (LinearModelFit Fit, int[] Clusters) Fit()
    {
        var rows = Fixture.GetProperty("data").EnumerateArray().ToList();
        var builder = new DesignMatrixBuilder(rows.Count);
        builder.AddFactor("g", [.. rows.Select(r => r.GetProperty("g").GetString())], "BEN");
        builder.AddNumeric("x", [.. rows.Select(r => r.GetProperty("x").GetDouble())]);
        var fit = LinearModel.Ols([.. rows.Select(r => r.GetProperty("y").GetDouble())], builder.Build());
        return (fit, [.. rows.Select(r => r.GetProperty("cl").GetInt32())]);
    }

    [Theory]
    [InlineData("CR0_clusters", VarianceEstimator.CR0, ClusterDegreesOfFreedom.ClustersMinusOne)]
    [InlineData("CR1_clusters", VarianceEstimator.CR1, ClusterDegreesOfFreedom.ClustersMinusOne)]
    [InlineData("CR2_bell_mccaffrey", VarianceEstimator.CR2, ClusterDegreesOfFreedom.Satterthwaite)]
    [InlineData("CR0_satterthwaite", VarianceEstimator.CR0, ClusterDegreesOfFreedom.Satterthwaite)]
    [InlineData("CR1_satterthwaite", VarianceEstimator.CR1, ClusterDegreesOfFreedom.Satterthwaite)]
    [InlineData("CR2_satterthwaite", VarianceEstimator.CR2, ClusterDegreesOfFreedom.Satterthwaite)]
    [InlineData("CR2_clusters", VarianceEstimator.CR2, ClusterDegreesOfFreedom.ClustersMinusOne)]
    public void ClusterRobust_EachRule_EqualsR(string name, VarianceEstimator variance, ClusterDegreesOfFreedom rule)
    {
        var (fit, clusters) = Fit();
        var table = fit.ClusterRobust(clusters, variance, rule);
        var expected = Fixture.GetProperty("cases").GetProperty(name);

        var estimate = ReferenceFixture.Doubles(expected.GetProperty("estimate"));
        for (var j = 0; j < estimate.Length; j++)
        {
            var row = table.Estimates[j];
            ReferenceFixture.AssertClose(estimate[j], row.Value, 1e-10, $"{name} {row.Term} estimate");
            ReferenceFixture.AssertClose(ReferenceFixture.Doubles(expected.GetProperty("std_error"))[j], row.StandardError, 1e-9, $"{name} {row.Term} SE");
            ReferenceFixture.AssertClose(ReferenceFixture.Doubles(expected.GetProperty("df"))[j], row.DegreesOfFreedom, 1e-9, $"{name} {row.Term} df");
            ReferenceFixture.AssertClose(ReferenceFixture.Doubles(expected.GetProperty("p_value"))[j], row.PValue, 1e-8, $"{name} {row.Term} p");
            ReferenceFixture.AssertClose(ReferenceFixture.Doubles(expected.GetProperty("conf_low"))[j], row.Interval.Lower, 1e-8, $"{name} {row.Term} lower");
            ReferenceFixture.AssertClose(ReferenceFixture.Doubles(expected.GetProperty("conf_high"))[j], row.Interval.Upper, 1e-8, $"{name} {row.Term} upper");
        }
    }

    // The default rules are the historical methods: CR1 and CR0 on G − 1, CR2 with Bell–McCaffrey df.
    [Fact]
    public void ClusterRobust_DefaultRules_SameAsNamedMethods()
    {
        var (fit, clusters) = Fit();
        static IEnumerable<(double, double, double, string)> Rows(RegressionTable t) => t.Estimates.Select(e => (e.StandardError, e.DegreesOfFreedom, e.PValue, e.Method));
        Assert.Equal(Rows(fit.CR1(clusters)), Rows(fit.ClusterRobust(clusters, VarianceEstimator.CR1, ClusterDegreesOfFreedom.ClustersMinusOne)));
        Assert.Equal(Rows(fit.CR2(clusters)), Rows(fit.ClusterRobust(clusters, VarianceEstimator.CR2, ClusterDegreesOfFreedom.Satterthwaite)));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.ClusterRobust(clusters, VarianceEstimator.HC2, ClusterDegreesOfFreedom.Satterthwaite));
    }
}

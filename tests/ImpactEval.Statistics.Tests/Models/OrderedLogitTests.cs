using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Models;

public class OrderedLogitTests
{
    private const double Tol = 1e-6;

    public static IEnumerable<object[]> Cases => ModelFixtures.Cases("models/ordinal.json");

    // Real-world case: the 4-level teacher rating of parent–school cooperation at follow-up,
    // adjusted for the baseline rating, the three PasserelleS groups and the 8 schools; plus a
    // small class with 3 levels and ties, a collinear covariate, a rare top level with weights.
    // Expected values: Reference/models.R, ordinal::clm(link = "logit", gradTol = 1e-12) — coef(),
    // sqrt(diag(vcov())), Wald z/p/CI, -2*logLik(), AIC() — and predicted probabilities checked
    // there against predict(MASS::polr(...), type = "probs").
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ReferenceDataset_MatchesClm(string name, int index)
    {
        var c = ModelFixtures.Case("models/ordinal.json", index);
        var y = ModelFixtures.Ints(c.GetProperty("y"));
        var levels = Strings(c.GetProperty("levels"));
        var predictors = ModelFixtures.Predictors(c);
        var fit = OrderedLogit.Fit(y, levels, predictors, ModelFixtures.OptionalDoubles(c, "weights"));

        Assert.Equal(Strings(c.GetProperty("threshold_names")), fit.Thresholds.Select(t => t.Term));
        var zeta = Doubles(c.GetProperty("zeta"));
        var zetaSe = Doubles(c.GetProperty("zeta_se"));
        var zetaZ = Doubles(c.GetProperty("zeta_z"));
        var zetaP = Doubles(c.GetProperty("zeta_p"));
        for (var k = 0; k < zeta.Length; k++)
        {
            AssertClose(zeta[k], fit.Thresholds[k].Value, Tol, $"{name} zeta[{k}]");
            AssertClose(zetaSe[k], fit.Thresholds[k].StandardError, Tol, $"{name} zeta se[{k}]");
            AssertClose(zetaZ[k], fit.Thresholds[k].Statistic, Tol, $"{name} zeta z[{k}]");
            AssertClose(zetaP[k], fit.Thresholds[k].PValue, Tol, $"{name} zeta p[{k}]");
        }
        string[] keys = ["beta", "beta_se", "beta_z", "beta_p", "beta_lower", "beta_upper"];
        var e = keys.ToDictionary(k => k, k => Doubles(c.GetProperty(k)));
        for (var j = 0; j < predictors.Count; j++)
        {
            var b = fit.Coefficients[j];
            var what = $"{name} {predictors[j].Name}";
            Assert.Equal(predictors[j].Name, b.Term);
            AssertClose(e["beta"][j], b.Value, Tol, what);
            AssertClose(e["beta_se"][j], b.StandardError, Tol, what + " se");
            AssertClose(e["beta_z"][j], b.Statistic, Tol, what + " z");
            AssertClose(e["beta_p"][j], b.PValue, Tol, what + " p");
            AssertClose(e["beta_lower"][j], b.Interval.Lower, Tol, what + " lower");
            AssertClose(e["beta_upper"][j], b.Interval.Upper, Tol, what + " upper");
            if (b.IsEstimable)
                AssertClose(Math.Exp(e["beta"][j]), fit.OddsRatios[j].Value, Tol, what + " OR");
            else
                Assert.Contains("colinéaire", b.Warnings[0]);
        }
        AssertClose(c.GetProperty("deviance").GetDouble(), fit.Deviance, Tol, name + " deviance");
        AssertClose(c.GetProperty("aic").GetDouble(), fit.Aic, Tol, name + " AIC");
        Assert.Equal(c.GetProperty("n").GetInt32(), fit.N);

        foreach (var pred in c.GetProperty("predictions").EnumerateArray())
        {
            var probs = fit.PredictProbabilities(Doubles(pred.GetProperty("x")));
            var expected = Doubles(pred.GetProperty("probs"));
            for (var k = 0; k < expected.Length; k++) AssertClose(expected[k], probs[k], Tol, $"{name} P(level {k})");
        }
    }

    // Families clustered in schools (8 schools; and a small class split in 6 groups): the slopes' CR1 cluster-robust SEs
    // equal sandwich::vcovCL(clm, cluster, type = "HC1"); the interval uses t with G − 1 degrees of freedom, and the odds
    // ratio is exp of that interval. Cases without clusters carry none.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_Clustered_MatchesVcovCL(string name, int index)
    {
        var c = ModelFixtures.Case("models/ordinal.json", index);
        var clusters = ModelFixtures.OptionalDoubles(c, "cluster").Select(v => (int)v).ToArray();
        var fit = OrderedLogit.Fit(ModelFixtures.Ints(c.GetProperty("y")), Strings(c.GetProperty("levels")),
            ModelFixtures.Predictors(c), ModelFixtures.OptionalDoubles(c, "weights"), clusters: clusters);

        if (clusters.Length == 0)
        {
            Assert.Empty(fit.ClusterRobustCoefficients);
            return;
        }
        var expected = Doubles(c.GetProperty("beta_se_cr1"));
        var g = clusters.Distinct().Count();
        Assert.Equal(expected.Length, fit.ClusterRobustCoefficients.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            var e = fit.ClusterRobustCoefficients[j];
            if (double.IsNaN(expected[j])) { Assert.False(e.IsEstimable); continue; }
            AssertClose(expected[j], e.StandardError, Tol, $"{name} CR1 se[{j}]");
            Assert.Equal(fit.Coefficients[j].Value, e.Value);
            Assert.Equal(g - 1, e.DegreesOfFreedom);
            var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, g - 1, 0.975);
            AssertClose(fit.Coefficients[j].Value + t * expected[j], e.Interval.Upper, Tol, $"{name} CR1 upper[{j}]");
            AssertClose(Math.Exp(e.Interval.Lower), fit.ClusterRobustOddsRatios[j].Interval.Lower, 1e-12, $"{name} CR1 OR lower[{j}]");
        }
    }

    // polr's own SEs come from a finite-difference Hessian (optim): they agree with the analytic
    // ones to about 1e-6 relative, which is the best one can ask of polr.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ReferenceDataset_AgreesWithPolr(string name, int index)
    {
        var c = ModelFixtures.Case("models/ordinal.json", index);
        var fit = OrderedLogit.Fit(ModelFixtures.Ints(c.GetProperty("y")), Strings(c.GetProperty("levels")),
            ModelFixtures.Predictors(c), ModelFixtures.OptionalDoubles(c, "weights"));
        var beta = Doubles(c.GetProperty("polr_beta"));
        var se = Doubles(c.GetProperty("polr_se"));
        for (var j = 0; j < beta.Length; j++)
        {
            AssertClose(beta[j], fit.Coefficients[j].Value, 1e-6, $"{name} polr beta[{j}]");
            AssertClose(se[j], fit.Coefficients[j].StandardError, 1e-5, $"{name} polr se[{j}]");
        }
    }

    // A 4-level rating where nobody was rated "3": the 2|3 and 3|4 thresholds coincide.
    [Fact]
    public void Fit_LevelNeverObserved_ThrowsAskingToMergeLevels()
    {
        int[] y = [0, 1, 3, 0, 1, 3, 1, 0, 3, 1];
        double[] x = [1, 2, 3, 1, 2, 4, 2, 1, 3, 3];
        var ex = Assert.Throws<StatisticsException>(() => OrderedLogit.Fit(y, ["1", "2", "3", "4"], [new Predictor("x", x)]));
        Assert.Contains("« 3 » n'est jamais observé", ex.Message);
    }

    // Every family of the focal group is in the top level: the group indicator separates.
    [Fact]
    public void Fit_GroupOnlyInTopLevel_ThrowsSeparation()
    {
        int[] y = [2, 2, 2, 0, 1, 2, 0, 1, 1, 0];
        double[] g = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        double[] x = [1, 2, 3, 1, 2, 4, 2, 1, 3, 3];
        var ex = Assert.Throws<StatisticsException>(() =>
            OrderedLogit.Fit(y, ["bas", "moyen", "haut"], [new Predictor("groupe[BEN]", g), new Predictor("x", x)]));
        Assert.Contains("« groupe[BEN] »", ex.Message);
    }

    [Fact]
    public void Fit_AllMissing_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() =>
            OrderedLogit.Fit([-1, -1, -1], ["a", "b", "c"], [new Predictor("x", [1, 2, 3])]));
        Assert.Contains("Aucune observation", ex.Message);
    }

    [Fact]
    public void Fit_CodeWithoutLabel_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => OrderedLogit.Fit([0, 1, 3], ["a", "b", "c"], [new Predictor("x", [1, 2, 3])]));

    // The predicted probabilities of a profile sum to 1 and move up when beta·x increases.
    [Fact]
    public void PredictProbabilities_HigherPredictor_ShiftsMassUp()
    {
        var c = ModelFixtures.Case("models/ordinal.json", 1);
        var fit = OrderedLogit.Fit(ModelFixtures.Ints(c.GetProperty("y")), Strings(c.GetProperty("levels")), ModelFixtures.Predictors(c));
        var low = fit.PredictProbabilities([0.0]);
        var high = fit.PredictProbabilities([3.0]);
        Assert.Equal(1.0, low.Sum(), 12);
        Assert.True(fit.Coefficients[0].Value > 0 && high[2] > low[2] && high[0] < low[0]);
    }
}

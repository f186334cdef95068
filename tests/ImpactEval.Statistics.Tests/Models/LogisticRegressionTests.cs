using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Models;

public class LogisticRegressionTests
{
    private const double Tol = 1e-6;

    public static IEnumerable<object[]> Cases => ModelFixtures.Cases("models/logistic.json");

    // Real-world case: a binary teacher-reported marker (e.g. "le parent prévient des absences")
    // modelled on the baseline score, the three PasserelleS groups and a family covariate; also a
    // small class (n = 24, ties), a collinear covariate, a rare outcome (5 %) and prior weights.
    // Expected values: Reference/models.R, glm(family = binomial, epsilon = 1e-14) + summary(),
    // confint.default(), sandwich::vcovHC(type = "HC0"), deviance(), AIC(), fitted(); NA for the
    // column that qr(X, tol = 1e-7) aliases.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ReferenceDataset_MatchesGlm(string name, int index)
    {
        var c = ModelFixtures.Case("models/logistic.json", index);
        var y = Doubles(c.GetProperty("y"));
        var w = ModelFixtures.OptionalDoubles(c, "weights");
        var fit = LogisticRegression.Fit(y, ModelFixtures.Predictors(c), w);

        var terms = Strings(c.GetProperty("terms"));
        Assert.Equal(terms, fit.Coefficients.Select(e => e.Term));
        string[] keys = ["estimate", "se", "z", "p", "ci_lower", "ci_upper", "se_hc0", "odds_ratio", "or_lower", "or_upper"];
        var expected = keys.ToDictionary(k => k, k => Doubles(c.GetProperty(k)));
        for (var j = 0; j < terms.Length; j++)
        {
            var m = fit.Coefficients[j];
            var what = $"{name} {terms[j]}";
            AssertClose(expected["estimate"][j], m.Value, Tol, what + " estimate");
            AssertClose(expected["se"][j], m.StandardError, Tol, what + " se");
            AssertClose(expected["z"][j], m.Statistic, Tol, what + " z");
            AssertClose(expected["p"][j], m.PValue, Tol, what + " p");
            AssertClose(expected["ci_lower"][j], m.Interval.Lower, Tol, what + " ci lower");
            AssertClose(expected["ci_upper"][j], m.Interval.Upper, Tol, what + " ci upper");
            AssertClose(expected["se_hc0"][j], fit.RobustCoefficients[j].StandardError, Tol, what + " HC0 se");
            AssertClose(expected["odds_ratio"][j], fit.OddsRatios[j].Value, Tol, what + " OR");
            AssertClose(expected["or_lower"][j], fit.OddsRatios[j].Interval.Lower, Tol, what + " OR lower");
            AssertClose(expected["or_upper"][j], fit.OddsRatios[j].Interval.Upper, Tol, what + " OR upper");
            Assert.Equal(double.IsNaN(expected["estimate"][j]), !m.IsEstimable);
            if (!m.IsEstimable) Assert.Contains("colinéaire", m.Warnings[0]);
        }
        AssertClose(c.GetProperty("deviance").GetDouble(), fit.Deviance, Tol, name + " deviance");
        AssertClose(c.GetProperty("null_deviance").GetDouble(), fit.NullDeviance, Tol, name + " null deviance");
        AssertClose(c.GetProperty("aic").GetDouble(), fit.Aic, Tol, name + " AIC");
        Assert.Equal(c.GetProperty("rank").GetInt32(), fit.Rank);
        Assert.Equal(c.GetProperty("n").GetInt32(), fit.N);
        var fitted = Doubles(c.GetProperty("fitted"));
        for (var i = 0; i < fitted.Length; i++) AssertClose(fitted[i], fit.FittedProbabilities[i], Tol, $"{name} fitted[{i}]");
    }

    // Families clustered in schools (8) and a small class split in 6 groups: CR1 cluster-robust SEs equal
    // sandwich::vcovCL(glm, cluster, type = "HC1"), with t(G − 1) intervals; cases without clusters carry none.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_Clustered_MatchesVcovCL(string name, int index)
    {
        var c = ModelFixtures.Case("models/logistic.json", index);
        var clusters = ModelFixtures.OptionalDoubles(c, "cluster").Select(v => (int)v).ToArray();
        var fit = LogisticRegression.Fit(Doubles(c.GetProperty("y")), ModelFixtures.Predictors(c), ModelFixtures.OptionalDoubles(c, "weights"),
            clusters: clusters);

        if (clusters.Length == 0)
        {
            Assert.Empty(fit.ClusterRobustCoefficients);
            return;
        }
        var expected = Doubles(c.GetProperty("se_cr1"));
        var g = clusters.Distinct().Count();
        Assert.Equal(expected.Length, fit.ClusterRobustCoefficients.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            var e = fit.ClusterRobustCoefficients[j];
            AssertClose(expected[j], e.StandardError, Tol, $"{name} CR1 se[{j}]");
            Assert.Equal(g - 1, e.DegreesOfFreedom);
            var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, g - 1, 0.975);
            AssertClose(fit.Coefficients[j].Value - t * expected[j], e.Interval.Lower, Tol, $"{name} CR1 lower[{j}]");
            AssertClose(Math.Exp(e.Interval.Upper), fit.ClusterRobustOddsRatios[j].Interval.Upper, 1e-12, $"{name} CR1 OR upper[{j}]");
        }
    }

    // A single school: no cluster-robust variance can be formed; the reason is given in French.
    [Fact]
    public void Fit_SingleCluster_ThrowsWithReason()
    {
        double[] y = [0, 1, 0, 1, 1, 0, 1, 0];
        double[] x = [1, 2, 2, 3, 1, 1, 3, 3];
        var ex = Assert.Throws<StatisticsException>(() => LogisticRegression.Fit(y, [new Predictor("x", x)], clusters: [4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.Contains("une seule unité de regroupement", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    // Same datasets, glm's default epsilon (1e-8): the IRLS iteration count is glm.fit's (fit$iter).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_DefaultGlmEpsilon_SameIterationCountAsGlm(string name, int index)
    {
        var c = ModelFixtures.Case("models/logistic.json", index);
        var fit = LogisticRegression.Fit(Doubles(c.GetProperty("y")), ModelFixtures.Predictors(c), ModelFixtures.OptionalDoubles(c, "weights"), tolerance: 1e-8);
        Assert.True(c.GetProperty("iterations_default_epsilon").GetInt32() == fit.Iterations, $"{name}: iterations");
    }

    // A school where every family was rated 1: the school indicator separates the outcome
    // (quasi-complete separation). R would print a coefficient near 20 with SE in the thousands;
    // we refuse with a French reason naming the term. Hand-made data; no R value needed.
    [Fact]
    public void Fit_QuasiCompleteSeparation_ThrowsNamingTheTerm()
    {
        double[] y = [1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0];
        double[] school = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        double[] score = [2, 3, 1, 2, 3, 2, 1, 4, 2, 3, 1, 2];
        var ex = Assert.Throws<StatisticsException>(() =>
            LogisticRegression.Fit(y, [new Predictor("ecole[B]", school), new Predictor("score", score)]));
        Assert.Contains("« ecole[B] »", ex.Message);
        Assert.DoesNotContain("« score »", ex.Message);
        Assert.Contains("Séparation", ex.Message);
    }

    // Complete separation on a continuous covariate (y = 1 exactly when x > 5).
    [Fact]
    public void Fit_CompleteSeparation_Throws()
    {
        var x = Enumerable.Range(1, 10).Select(v => (double)v).ToArray();
        var y = x.Select(v => v > 5 ? 1.0 : 0.0).ToArray();
        var ex = Assert.Throws<StatisticsException>(() => LogisticRegression.Fit(y, [new Predictor("x", x)]));
        Assert.Contains("« x »", ex.Message);
    }

    // Overlapping data just one observation away from separation still fits (no false alarm).
    [Fact]
    public void Fit_AlmostSeparated_Fits()
    {
        var x = Enumerable.Range(1, 10).Select(v => (double)v).ToArray();
        double[] y = [0, 0, 0, 0, 1, 0, 1, 1, 1, 1];
        var fit = LogisticRegression.Fit(y, [new Predictor("x", x)]);
        Assert.True(fit.Coefficients[1].Value > 0 && double.IsFinite(fit.Coefficients[1].StandardError));
    }

    [Fact]
    public void Fit_ConstantOutcome_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() =>
            LogisticRegression.Fit([0, 0, 0, 0], [new Predictor("x", [1, 2, 3, 4])]));
        Assert.Contains("constante", ex.Message);
    }

    [Fact]
    public void Fit_AllOutcomesMissing_Throws()
    {
        var ex = Assert.Throws<StatisticsException>(() =>
            LogisticRegression.Fit([double.NaN, double.NaN], [new Predictor("x", [1, 2])]));
        Assert.Contains("Aucune observation", ex.Message);
    }

    // A predictor at −∞ (log of zero upstream) is treated as missing, as LinearModel does: the row is
    // dropped and a French warning says so (it used to be dropped silently). Expected: the fit on the
    // other rows (no R value needed).
    [Fact]
    public void Fit_InfinitePredictor_RowDroppedWithFrenchWarning()
    {
        var x = Enumerable.Range(1, 10).Select(v => (double)v).ToArray();
        double[] y = [0, 0, 1, 0, 1, 0, 1, 1, 0, 1];
        var withInfinity = (double[])x.Clone();
        withInfinity[4] = double.NegativeInfinity;
        var fit = LogisticRegression.Fit(y, [new Predictor("x", withInfinity)]);
        var keep = Enumerable.Range(0, 10).Where(i => i != 4).ToArray();
        var without = LogisticRegression.Fit(keep.Select(i => y[i]).ToArray(), [new Predictor("x", keep.Select(i => x[i]).ToArray())]);
        Assert.Equal(9, fit.N);
        AssertClose(without.Coefficients[1].Value, fit.Coefficients[1].Value, 1e-12, "slope");
        Assert.Contains(fit.Warnings, w => w.Contains("1 observation(s) écartée(s) : valeur infinie dans « x »"));
    }

    [Fact]
    public void Fit_OutcomeNotBinary_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0, 2, 1], [new Predictor("x", [1, 2, 3])]));

    [Fact]
    public void Fit_LengthMismatch_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0, 1, 1], [new Predictor("x", [1, 2])]));
}

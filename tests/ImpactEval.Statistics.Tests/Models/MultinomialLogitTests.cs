using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Models;

public class MultinomialLogitTests
{
    private const double Tol = 1e-6;

    public static IEnumerable<object[]> Cases => ModelFixtures.Cases("models/multinomial.json");

    // Real-world case: the propensity of belonging to each PasserelleS cohort (beneficiaries,
    // childcare, far from childcare) given the child's age, language at home and low income;
    // also a small sample with ties, a collinear covariate with missing rows, and four groups
    // one of which is rare (9 units). Expected values: Reference/models.R,
    // VGAM::vglm(g ~ x, multinomial(refLevel = 1), epsilon = 1e-15) — coef(), sqrt(diag(vcov())),
    // deviance(), fitted() — with nnet::multinom(reltol = 1e-16) coefficients as a cross-check.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ReferenceDataset_MatchesVglmAndMultinom(string name, int index)
    {
        var c = ModelFixtures.Case("models/multinomial.json", index);
        var g = ModelFixtures.Ints(c.GetProperty("group"));
        var labels = Strings(c.GetProperty("labels"));
        var fit = MultinomialLogit.Fit(g, labels, ModelFixtures.Predictors(c));
        var terms = Strings(c.GetProperty("terms"));
        var eqs = c.GetProperty("equations").EnumerateArray().ToArray();
        Assert.Equal(eqs.Length, fit.Equations.Length);
        for (var e = 0; e < eqs.Length; e++)
        {
            var eq = fit.Equations[e];
            Assert.Equal(eqs[e].GetProperty("group").GetString(), eq.Group);
            var est = Doubles(eqs[e].GetProperty("estimate"));
            var se = Doubles(eqs[e].GetProperty("se"));
            var nnet = Doubles(eqs[e].GetProperty("nnet_estimate"));
            for (var j = 0; j < terms.Length; j++)
            {
                Assert.Equal(terms[j], eq.Coefficients[j].Term);
                AssertClose(est[j], eq.Coefficients[j].Value, Tol, $"{name} {eq.Group} {terms[j]}");
                AssertClose(se[j], eq.Coefficients[j].StandardError, Tol, $"{name} {eq.Group} {terms[j]} se");
                AssertClose(nnet[j], eq.Coefficients[j].Value, Tol, $"{name} {eq.Group} {terms[j]} (multinom)");
            }
        }
        AssertClose(c.GetProperty("deviance").GetDouble(), fit.Deviance, Tol, name + " deviance");
        AssertClose(c.GetProperty("aic").GetDouble(), fit.Aic, Tol, name + " AIC");
        Assert.Equal(c.GetProperty("n").GetInt32(), fit.N);
        var rows = c.GetProperty("fitted").EnumerateArray().Select(Doubles).ToArray();
        for (var i = 0; i < rows.Length; i++)
            for (var k = 0; k < labels.Length; k++)
                AssertClose(rows[i][k], fit.FittedProbability(i, k), Tol, $"{name} P[{i},{k}]");
    }

    // Two groups: the multinomial logit is the logistic regression (same likelihood).
    [Fact]
    public void Fit_TwoGroups_EqualsLogisticRegression()
    {
        var c = ModelFixtures.Case("models/logistic.json", 3);
        var y = Doubles(c.GetProperty("y"));
        var predictors = ModelFixtures.Predictors(c);
        var logit = LogisticRegression.Fit(y, predictors);
        var multi = MultinomialLogit.Fit(y.Select(v => (int)v).ToArray(), ["0", "1"], predictors);
        for (var j = 0; j < logit.Coefficients.Length; j++)
        {
            AssertClose(logit.Coefficients[j].Value, multi.Equations[0].Coefficients[j].Value, 1e-8, "coef");
            AssertClose(logit.Coefficients[j].StandardError, multi.Equations[0].Coefficients[j].StandardError, 1e-7, "se");
        }
    }

    // A comparison cohort with no family left after removing incomplete records.
    [Fact]
    public void Fit_GroupWithoutObservations_Throws()
    {
        int[] g = [0, 1, 0, 1, 0, 1];
        var ex = Assert.Throws<StatisticsException>(() =>
            MultinomialLogit.Fit(g, ["BEN", "CRECHE", "ELOIGNE"], [new Predictor("x", [1, 2, 3, 4, 5, 6])]));
        Assert.Contains("« ELOIGNE » ne compte aucune observation", ex.Message);
    }

    // All families of school B are in the childcare group: the school indicator separates that group.
    [Fact]
    public void Fit_GroupPerfectlyPredicted_ThrowsSeparation()
    {
        int[] g = [1, 1, 1, 0, 2, 0, 2, 1, 0, 2, 0, 1];
        double[] school = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        double[] x = [1, 3, 2, 2, 1, 3, 2, 1, 3, 3, 1, 2];
        var ex = Assert.Throws<StatisticsException>(() =>
            MultinomialLogit.Fit(g, ["A", "B", "C"], [new Predictor("ecole[B]", school), new Predictor("x", x)]));
        Assert.Contains("« ecole[B] »", ex.Message);
    }

    [Fact]
    public void Fit_CodeWithoutLabel_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => MultinomialLogit.Fit([0, 1, 2], ["A", "B"], [new Predictor("x", [1, 2, 3])]));
}

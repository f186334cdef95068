using Xunit;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Conventions of the tidy estimate rows shared by every estimator of the library.
/// </summary>
public class EstimateTests
{
    // Thirty families; "semaines" is the number of weeks of attendance and "jours" the same in days
    // (7 × semaines), so one of the two is collinear and not estimable, as R prints NA. Whatever the model,
    // that row has every number NaN, the degrees of freedom included (a Wald table used to give +∞ there
    // and a regression table NaN). Hand-made data; no R value needed.
    private static readonly double[] Weeks = Enumerable.Range(0, 30).Select(i => (double)(i * 7 % 11)).ToArray();
    private static readonly double[] Days = Weeks.Select(w => 7 * w).ToArray();
    private static readonly double[] Score = Enumerable.Range(0, 30).Select(i => Math.Sin(i) * 3 + i % 4).ToArray();
    private static readonly Predictor[] Predictors = [new("semaines", Weeks), new("jours", Days), new("score", Score)];

    private static void AssertNotEstimable(Estimate e, string what)
    {
        Assert.False(e.IsEstimable, what);
        foreach (var value in new[] { e.Value, e.StandardError, e.Statistic, e.DegreesOfFreedom, e.PValue, e.Interval.Lower, e.Interval.Upper })
            Assert.True(double.IsNaN(value), $"{what}: {value} instead of NaN");
        Assert.Contains("colinéaire", e.Warnings[0]);
    }

    [Fact]
    public void Collinear_RowOfEveryModel_EveryNumberNaN()
    {
        int[] levels = Enumerable.Range(0, 30).Select(i => (i * 5 + i / 3) % 3).ToArray();
        double[] binary = levels.Select((l, i) => (double)((l + i / 7) % 2)).ToArray();

        var logistic = LogisticRegression.Fit(binary, Predictors);
        AssertNotEstimable(logistic.Coefficients.Single(e => e.Term == "jours"), "logistic");
        AssertNotEstimable(logistic.RobustCoefficients.Single(e => e.Term == "jours"), "logistic HC0");
        AssertNotEstimable(logistic.OddsRatios.Single(e => e.Term == "jours"), "logistic odds ratio");

        var ordered = OrderedLogit.Fit(levels, ["faible", "moyen", "fort"], Predictors);
        AssertNotEstimable(ordered.Coefficients.Single(e => e.Term == "jours"), "ordered logit");
        AssertNotEstimable(ordered.OddsRatios.Single(e => e.Term == "jours"), "ordered logit odds ratio");

        var multinomial = MultinomialLogit.Fit(levels, ["A", "B", "C"], Predictors);
        foreach (var equation in multinomial.Equations)
            AssertNotEstimable(equation.Coefficients.Single(e => e.Term == "jours"), "multinomial " + equation.Group);

        var design = new DesignMatrixBuilder(30).AddNumeric("semaines", Weeks).AddNumeric("jours", Days).AddNumeric("score", Score).Build();
        var fit = LinearModel.Ols(Score.Select((s, i) => s + Weeks[i] + 0.3 * (i % 5)).ToArray(), design);
        var collinear = fit.Terms[Enumerable.Range(0, fit.Terms.Length).Single(j => double.IsNaN(fit.Coefficients[j]))];
        AssertNotEstimable(fit.HC2().Term(collinear), "OLS HC2");
        AssertNotEstimable(fit.Classical().Term(collinear), "OLS classical");
        AssertNotEstimable(fit.CR2(Enumerable.Range(0, 30).Select(i => i % 6).ToArray()).Term(collinear), "OLS CR2");
    }
}

using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Statistics.Tests.Models;

public class LogisticRegressionSimulationTests(ITestOutputHelper output)
{
    // Seeded simulation: 1,000 samples of 300 families, P(y = 1) = logit⁻¹(−0.5 + 0.8·x + 0.6·g)
    // with x standard normal and g a 40 % group indicator. The 95 % Wald interval of the group
    // coefficient (model-based and HC0) must cover 0.6 in 93–97 % of the samples.
    [Fact]
    public void Fit_WaldInterval_CoversTruthAtNominalRate()
    {
        var rng = new Random(20240611);
        const int reps = 1000, n = 300;
        int coveredModel = 0, coveredRobust = 0;
        var y = new double[n];
        var x = new double[n];
        var g = new double[n];
        for (var r = 0; r < reps; r++)
        {
            for (var i = 0; i < n; i++)
            {
                x[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                g[i] = rng.NextDouble() < 0.4 ? 1 : 0;
                var p = 1 / (1 + Math.Exp(-(-0.5 + 0.8 * x[i] + 0.6 * g[i])));
                y[i] = rng.NextDouble() < p ? 1 : 0;
            }
            var fit = LogisticRegression.Fit(y, [new Predictor("x", x), new Predictor("g", g)]);
            if (fit.Coefficients[2].Interval.Contains(0.6)) coveredModel++;
            if (fit.RobustCoefficients[2].Interval.Contains(0.6)) coveredRobust++;
        }
        output.WriteLine($"coverage model-based {coveredModel}/1000, HC0 {coveredRobust}/1000");
        Assert.InRange(coveredModel, 930, 970);
        Assert.InRange(coveredRobust, 930, 970);
    }
}

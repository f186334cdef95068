using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Xunit;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class CoverageSimulationTests
{
    // Seeded simulation (1,000 replications): a beneficiary cohort of 25 and a comparison cohort of
    // 40 with unequal spreads (SD 2 vs 1, true difference 0.5). The 95 % Welch interval must contain
    // the true difference in 93–97 % of replications.
    [Fact]
    public void Welch_NormalUnequalVariances_CoverageNear95Percent()
    {
        var rng = new MersenneTwister(20240917);
        var covered = 0;
        for (var rep = 0; rep < 1000; rep++)
        {
            var x = new double[25];
            var y = new double[40];
            Normal.Samples(rng, x, 10.5, 2.0);
            Normal.Samples(rng, y, 10.0, 1.0);
            var d = MeanContrasts.Welch(new GroupSample("BEN", x), new GroupSample("TEM", y));
            if (d.Difference.Interval.Contains(0.5)) covered++;
        }
        Assert.InRange(covered / 1000.0, 0.93, 0.97);
    }

    // Seeded simulation (1,000 replications): 30 % vs 50 % of families using the LAEP, cohorts of 40
    // and 50. The 95 % Newcombe interval must contain the true difference −0.2 in 93–97 % of them.
    [Fact]
    public void NewcombeRiskDifference_Binomial_CoverageNear95Percent()
    {
        var rng = new MersenneTwister(917);
        var covered = 0;
        for (var rep = 0; rep < 1000; rep++)
        {
            var a = Binomial.Sample(rng, 0.3, 40);
            var c = Binomial.Sample(rng, 0.5, 50);
            var rd = BinaryContrasts.NewcombeRiskDifference(new TwoByTwoTable("BEN", a, 40, "TEM", c, 50));
            if (rd.Interval.Contains(-0.2)) covered++;
        }
        Assert.InRange(covered / 1000.0, 0.93, 0.97);
    }
}

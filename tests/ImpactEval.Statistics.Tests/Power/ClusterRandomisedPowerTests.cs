using MathNet.Numerics.Distributions;
using Xunit;
using Xunit.Abstractions;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Planning an evaluation where whole schools are assigned (e.g. 8 schools, ICC 0.05–0.2).
/// Expected values: Fixtures/design/power_cluster_randomised.json from Reference/design.R, where
/// PowerUpR's cra2r2 formulas (SSE, df = J − g2 − 2, Bloom multiplier, noncentral-t power, mrss
/// iteration) are hand-coded in R and exact solutions found with uniroot(tol = 1e-13).
/// </summary>
public class ClusterRandomisedPowerTests(ITestOutputHelper output)
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/power_cluster_randomised.json");

    private static ClusterRandomisedAssumptions Assumptions(System.Text.Json.JsonElement c) =>
        new(c.D("rho"), c.D("p"), c.D("r21"), c.D("r22"), c.I("g2"));

    [Fact]
    public void AllSolvers_PowerUpRCra2Formulas_MatchR()
    {
        foreach (var c in Fixture.EnumerateArray())
        {
            var a = Assumptions(c);
            var what = $"J={c.D("J")} n={c.D("n")} rho={c.D("rho")}";
            var power = ClusterRandomisedPower.Power(c.D("es"), c.D("J"), c.D("n"), a, c.D("alpha"));
            AssertClose(c.D("power_at_es"), power.Power, 1e-9, "power " + what);
            AssertClose(c.D("sse"), power.StandardisedStandardError, 1e-10, "SSE " + what);
            AssertClose(c.D("df"), power.DegreesOfFreedom, 1e-12, "df " + what);

            var exact = ClusterRandomisedPower.MinimumDetectableEffect(c.D("J"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("mde"), exact.EffectSize, 1e-7, "exact MDE " + what);
            AssertClose(c.D("multiplier"), exact.Multiplier, 1e-9, "multiplier " + what);

            var bloom = ClusterRandomisedPower.MinimumDetectableEffectByMultiplier(c.D("J"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("mde_multiplier"), bloom.EffectSize, 1e-9, "mdes.cra2r2 " + what);
            AssertClose(c.D("power_at_multiplier_mde"), bloom.AchievedPower, 1e-9, "power at mdes " + what);

            var j = ClusterRandomisedPower.Clusters(c.D("es"), c.D("n"), a, c.D("power"), c.D("alpha"));
            AssertClose(c.D("clusters"), j.Clusters, 1e-6, "exact J " + what);
            AssertClose(c.D("power"), j.AchievedPower, 1e-9, "power at exact J " + what);

            var mrss = ClusterRandomisedPower.ClustersByMultiplier(c.D("es"), c.D("n"), a, c.D("power"), c.D("alpha"));
            Assert.Equal(c.D("mrss_clusters"), mrss.Clusters);

            if (c.Has("cluster_size"))
            {
                var n = ClusterRandomisedPower.ClusterSize(c.D("es"), c.D("J"), a, c.D("power"), c.D("alpha"));
                AssertClose(c.D("cluster_size"), n.ClusterSize, 1e-6, "cluster size " + what);
            }
            else
            {
                var ex = Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.ClusterSize(c.D("es"), c.D("J"), a, c.D("power"), c.D("alpha")));
                Assert.Contains("davantage de grappes", ex.Message);
            }
        }
    }

    [Fact]
    public void MinimumDetectableEffect_EightSchools_EchoesAssumptionsForTheReport()
    {
        // "avec 8 écoles de 30 familles et un ICC de 0,10, l'effet minimal détectable est de 0,86 écart-type"
        var r = ClusterRandomisedPower.MinimumDetectableEffect(8, 30, new ClusterRandomisedAssumptions(0.10));
        Assert.Equal(PowerQuantity.MinimumDetectableEffect, r.SolvedFor);
        Assert.Equal(("cra2", 8.0, 30.0, 0.10, 0.5, 0.80, 0.05), (r.Design, r.Clusters, r.ClusterSize, r.Icc, r.ProportionTreated, r.Power, r.Alpha));
        Assert.Equal(6, r.DegreesOfFreedom);
        AssertClose(1 + 29 * 0.10, r.DesignEffect, 1e-12, "design effect 1 + (n − 1)ρ");
        Assert.Contains(r.Warnings, w => w.Contains("6 degrés de liberté"));
    }

    [Theory]
    [InlineData(8, 30, 0.10, 20240611UL)]
    [InlineData(20, 25, 0.05, 7UL)]
    public void MinimumDetectableEffect_SimulatedClusterMeansTTest_HasNominalPower(int clusters, int clusterSize, double icc, ulong seed)
    {
        // Seeded simulation: at the exact MDE, generate y = δ·T + u_j + e_ij with Var(u) = ρ, Var(e) = 1 − ρ,
        // half the clusters treated, analyse cluster means with a pooled two-sample t test on J − 2 df.
        // 1,000 replications: Monte Carlo SE of the power ≈ 1.3 points; requirement ±3 points around 80 %.
        const int replications = 1000;
        var a = new ClusterRandomisedAssumptions(icc);
        var exact = ClusterRandomisedPower.MinimumDetectableEffect(clusters, clusterSize, a);
        var bloom = ClusterRandomisedPower.MinimumDetectableEffectByMultiplier(clusters, clusterSize, a);
        var rng = new Xoshiro256StarStar(seed);
        var exactPower = SimulatedPower(rng, exact.EffectSize, clusters, clusterSize, icc, replications);
        var bloomPower = SimulatedPower(rng, bloom.EffectSize, clusters, clusterSize, icc, replications);
        output.WriteLine($"J={clusters} n={clusterSize} ICC={icc}: exact MDE {exact.EffectSize:F4} → simulated power {exactPower:P1}; " +
                         $"multiplier MDE {bloom.EffectSize:F4} (exact power {bloom.AchievedPower:P1}) → simulated {bloomPower:P1}");
        Assert.InRange(exactPower, 0.77, 0.83);
        Assert.InRange(bloomPower, bloom.AchievedPower - 0.03, bloom.AchievedPower + 0.03);
    }

    private static double SimulatedPower(Xoshiro256StarStar rng, double effect, int clusters, int clusterSize, double icc, int replications)
    {
        var critical = StudentT.InvCDF(0, 1, clusters - 2, 0.975);
        var means = new double[clusters];
        var rejections = 0;
        for (var rep = 0; rep < replications; rep++)
        {
            for (var j = 0; j < clusters; j++)
            {
                var treated = j < clusters / 2;
                var u = Math.Sqrt(icc) * rng.NextStandardNormal();
                var sum = 0.0;
                for (var i = 0; i < clusterSize; i++) sum += (treated ? effect : 0) + u + Math.Sqrt(1 - icc) * rng.NextStandardNormal();
                means[j] = sum / clusterSize;
            }
            int half = clusters / 2, other = clusters - half;
            double m1 = 0, m0 = 0;
            for (var j = 0; j < half; j++) m1 += means[j];
            for (var j = half; j < clusters; j++) m0 += means[j];
            m1 /= half;
            m0 /= other;
            double ss = 0;
            for (var j = 0; j < half; j++) ss += (means[j] - m1) * (means[j] - m1);
            for (var j = half; j < clusters; j++) ss += (means[j] - m0) * (means[j] - m0);
            var pooled = ss / (clusters - 2);
            var t = (m1 - m0) / Math.Sqrt(pooled * (1.0 / half + 1.0 / other));
            if (Math.Abs(t) > critical) rejections++;
        }
        return (double)rejections / replications;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.05)]
    public void MinimumDetectableEffect_IccOutOfRange_ThrowsFrench(double icc)
    {
        var ex = Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.MinimumDetectableEffect(8, 30, new ClusterRandomisedAssumptions(icc)));
        Assert.Contains("intra-classe", ex.Message);
    }

    [Fact]
    public void MinimumDetectableEffect_TooFewClustersForDf_ThrowsFrench()
    {
        // 4 schools with 2 school-level covariates: J − g − 2 = 0.
        var ex = Assert.Throws<StatisticsException>(() =>
            ClusterRandomisedPower.MinimumDetectableEffect(4, 30, new ClusterRandomisedAssumptions(0.1, Level2Covariates: 2)));
        Assert.Contains("Trop peu de grappes", ex.Message);
        Assert.Contains("au moins 5 grappes", ex.Message);
    }

    [Fact]
    public void Power_InvalidAssumptions_ThrowFrench()
    {
        Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.Power(0.3, 20, 25, new ClusterRandomisedAssumptions(0.1, ProportionTreated: 1)));
        Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.Power(0.3, 20, 25, new ClusterRandomisedAssumptions(0.1, Level2RSquared: 1.2)));
        Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.Power(0.3, 20, 0.5, new ClusterRandomisedAssumptions(0.1)));
        Assert.Throws<StatisticsException>(() => ClusterRandomisedPower.Clusters(0.3, 25, new ClusterRandomisedAssumptions(0.1), power: 1.5));
    }
}

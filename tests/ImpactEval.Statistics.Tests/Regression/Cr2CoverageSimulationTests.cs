using Xunit;
using Xunit.Abstractions;

namespace ImpactEval.Statistics.Tests.Regression;

/// <summary>
/// Seeded simulation: with 8 schools (cluster sizes 3…27) and the treatment assigned by school, 95%
/// intervals for the treatment effect built from CR2 with Bell–McCaffrey df should cover the true
/// effect close to 95% of the time, while CR1 (Stata) with a normal reference — the usual default —
/// under-covers (Pustejovsky &amp; Tipton 2018; Imbens &amp; Kolesár 2016).
/// </summary>
public class Cr2CoverageSimulationTests(ITestOutputHelper output)
{
    private const int Replications = 1000;
    private const double TrueEffect = 0.5;

    [Fact]
    public void CR2_EightClusters_CoverageNearNominalAndBetterThanCR1()
    {
        int[] sizes = [3, 5, 8, 10, 12, 15, 20, 27];
        bool[] treatedSchool = [true, false, false, true, false, true, true, false];
        int n = sizes.Sum();
        var school = new int[n];
        var treated = new string?[n];
        for (int g = 0, i = 0; g < sizes.Length; g++)
            for (int k = 0; k < sizes[g]; k++, i++)
            {
                school[i] = g;
                treated[i] = treatedSchool[g] ? "BEN" : "TEM";
            }
        var rng = new Random(20240614);
        var x = new double[n];
        var y = new double[n];
        int coverCr2 = 0, coverCr1Normal = 0, coverCr1T = 0;
        for (int rep = 0; rep < Replications; rep++)
        {
            var u = new double[sizes.Length];
            for (int g = 0; g < u.Length; g++) u[g] = Normal(rng);
            for (int i = 0; i < n; i++)
            {
                x[i] = Normal(rng);
                // School effect, pupil covariate, heteroskedastic pupil noise.
                y[i] = 1 + (treated[i] == "BEN" ? TrueEffect : 0) + 0.5 * x[i] + u[school[i]] + Normal(rng) * (0.5 + 0.5 * Math.Abs(x[i]));
            }
            var model = CovariateAdjustment.Ancova(y, treated, "TEM", new Predictor("x", x));
            if (model.CR2(school).Effect.Interval.Contains(TrueEffect)) coverCr2++;
            var cr1 = model.CR1(school).Effect;
            if (Math.Abs(cr1.Value - TrueEffect) <= 1.959963984540054 * cr1.StandardError) coverCr1Normal++;
            if (cr1.Interval.Contains(TrueEffect)) coverCr1T++;
        }
        double cr2 = coverCr2 / (double)Replications;
        double cr1Normal = coverCr1Normal / (double)Replications;
        double cr1T = coverCr1T / (double)Replications;
        output.WriteLine($"coverage over {Replications} replications: CR2 + BM df {cr2:P1}, CR1 + normal {cr1Normal:P1}, CR1 + t(J-1) {cr1T:P1}");
        // Seed 20240614 gives CR2 93.8 %, CR1 + normal 78.8 %, CR1 + t(7) 86.2 %. With 20,000 replications
        // (another seed) this design gives CR2 93.9 %, CR1 + normal 81.3 %, CR1 + t(7) 87.7 %: CR2 is a
        // little below nominal with 8 unequal clusters, so the honest bound is 92 %, not 93 %.
        Assert.InRange(cr2, 0.92, 0.97);
        Assert.True(cr1Normal < cr2 - 0.03, $"CR1 with a normal reference should under-cover: {cr1Normal:P1} vs CR2 {cr2:P1}");
        Assert.True(Math.Abs(cr2 - 0.95) < Math.Abs(cr1Normal - 0.95));
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

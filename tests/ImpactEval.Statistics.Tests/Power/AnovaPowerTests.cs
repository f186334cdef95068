using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Planning the comparison of a cité's three groups (two programmes and a comparison group) with a
/// one-way ANOVA. Expected values: Fixtures/design/power_anova.json from Reference/design.R —
/// pwr::pwr.anova.test(k, n, f)$power, and the roots of that power function found with
/// uniroot(tol = 1e-13) (pwr's own default-tolerance solution is checked to 1e-4).
/// </summary>
public class AnovaPowerTests
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/power_anova.json");

    [Fact]
    public void Power_PwrAnovaCases_MatchR()
    {
        foreach (var c in Fixture.GetProperty("power").EnumerateArray())
        {
            var r = AnovaPower.Power(c.D("f"), c.I("k"), c.D("n"), c.D("alpha"));
            AssertClose(c.D("power"), r.Power, 1e-9, $"power k={c.I("k")} n={c.D("n")} f={c.D("f")}");
            Assert.Equal((c.D("n") - 1) * c.I("k"), r.DenominatorDegreesOfFreedom);
        }
    }

    [Fact]
    public void SampleSize_RootOfPwrPowerFunction_MatchesR()
    {
        foreach (var c in Fixture.GetProperty("sample_size").EnumerateArray())
        {
            var r = AnovaPower.SampleSize(c.D("f"), c.I("k"), c.D("power"), c.D("alpha"));
            AssertClose(c.D("n"), r.NPerGroup, 1e-6, $"n k={c.I("k")} f={c.D("f")}");
            AssertClose(c.D("pwr_default"), r.NPerGroup, 1e-4, "pwr default tolerance");
        }
    }

    [Fact]
    public void MinimumDetectableEffect_RootOfPwrPowerFunction_MatchesR()
    {
        foreach (var c in Fixture.GetProperty("mde").EnumerateArray())
        {
            var r = AnovaPower.MinimumDetectableEffect(c.I("k"), c.D("n"), c.D("power"), c.D("alpha"));
            AssertClose(c.D("f"), r.EffectSizeF, 1e-7, $"f k={c.I("k")} n={c.D("n")}");
            AssertClose(c.D("pwr_default"), r.EffectSizeF, 1e-4, "pwr default tolerance");
        }
    }

    // A very strict alpha (e.g. after a Bonferroni correction over many outcomes) with tiny groups: the
    // critical F exceeds 1000 (qf(1 − 0.0005, 1, 2) = 1998.5), where MathNet's F quantile threw a
    // NonConvergenceException. Expected: pwr::pwr.anova.test(k, n, f, sig.level = alpha)$power to 1e-9
    // (R's noncentral pf stops at an absolute error of 1e-9), and, relatively since these powers are small
    // (down to 9e-7), the same Poisson mixture summed in R with pbeta (power_series, see design.R).
    [Fact]
    public void Power_ExtremeAlpha_MatchesR()
    {
        foreach (var c in Fixture.GetProperty("extreme_alpha").EnumerateArray())
        {
            var r = AnovaPower.Power(c.D("f"), c.I("k"), c.D("n"), c.D("alpha"));
            var what = $"k={c.I("k")} n={c.D("n")} f={c.D("f")} alpha={c.D("alpha")}";
            AssertClose(c.D("power"), r.Power, 1e-9, what + " pwr power");
            AssertClose(1, r.Power / c.D("power_series"), 1e-9, what + " relative to the pbeta series");
        }
    }

    // Solving for n at such an alpha goes through the same quantile for every trial n. Expected: the
    // root of pwr.anova.test's power function (uniroot, tol = 1e-13).
    [Fact]
    public void SampleSize_ExtremeAlpha_MatchesR()
    {
        foreach (var c in Fixture.GetProperty("extreme_alpha_sample_size").EnumerateArray())
        {
            var r = AnovaPower.SampleSize(c.D("f"), c.I("k"), c.D("power"), c.D("alpha"));
            AssertClose(c.D("n"), r.NPerGroup, 1e-6, $"n k={c.I("k")} f={c.D("f")} alpha={c.D("alpha")}");
        }
    }

    // Huge noncentrality (λ = k n f² from 2.7e5 to 4e8): the Poisson mixture used to be summed from j = 0
    // for at most 100 000 terms, so its weights all vanished and the power came out as 0 (e.g. f = 30 with
    // three groups of 100). Expected: the mixture summed in R with pbeta around the Poisson mode
    // (power_series, see design.R; R's own pf is not a reference there). Tolerance 1e-7 relative: with a
    // second argument near 10⁸, MathNet's incomplete beta function keeps about eight digits.
    [Fact]
    public void Power_LargeNoncentrality_MatchesRSeries()
    {
        foreach (var c in Fixture.GetProperty("large_noncentrality").EnumerateArray())
        {
            var r = AnovaPower.Power(c.D("f"), c.I("k"), c.D("n"), c.D("alpha"));
            AssertClose(1, r.Power / c.D("power_series"), 1e-7, $"relative power k={c.I("k")} n={c.D("n")} f={c.D("f")} alpha={c.D("alpha")}");
        }
    }

    // Two individuals per group at alpha = 1e-8: the minimum detectable f is in the thousands, which used
    // to come out as NaN (the power never reached 0.8). Expected: uniroot (tol = 1e-13) of the R series.
    [Fact]
    public void MinimumDetectableEffect_LargeNoncentrality_MatchesRSeries()
    {
        foreach (var c in Fixture.GetProperty("large_noncentrality_mde").EnumerateArray())
        {
            var r = AnovaPower.MinimumDetectableEffect(c.I("k"), c.D("n"), c.D("power"), c.D("alpha"));
            AssertClose(1, r.EffectSizeF / c.D("f"), 1e-6, $"relative f k={c.I("k")} n={c.D("n")}");
        }
    }

    // alpha = 1e-300 with two individuals per group: the critical F is about 1e300, no f up to 10⁶ gives
    // any power, and the MDE is refused in French instead of being returned as NaN. No R value needed.
    [Fact]
    public void MinimumDetectableEffect_Unreachable_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => AnovaPower.MinimumDetectableEffect(2, 2, 0.8, 1e-300));
        Assert.Contains("aucun f de Cohen", ex.Message);
    }

    // Every valid alpha gives a power in [alpha, 1] and no exception other than StatisticsException:
    // a grid of alphas down to 1e-12 with the smallest groups allowed (n = 2). Property test; no R value.
    [Fact]
    public void Power_AnyValidAlpha_ReturnsPowerAtLeastAlpha()
    {
        foreach (var k in new[] { 2, 3, 6 })
            foreach (var alpha in new[] { 0.999, 0.5, 0.05, 1e-3, 5e-4, 1e-6, 1e-9, 1e-12 })
                foreach (var f in new[] { 0.0, 0.3, 2.0 })
                {
                    var r = AnovaPower.Power(f, k, 2, alpha);
                    Assert.InRange(r.Power, alpha * (1 - 1e-9), 1.0);
                }
    }

    [Fact]
    public void CohenF_ThreeGroupMeans_IsSdOfMeansOverSigma()
    {
        // Means 0, 0.2, 0.4 with σ = 1: SD (population) of the means = sqrt(((-0.2)² + 0 + 0.2²) / 3) = 0.163299…
        AssertClose(Math.Sqrt(0.08 / 3), AnovaPower.CohenF([0, 0.2, 0.4], 1), 1e-14, "f");
    }

    [Fact]
    public void Power_TwoGroupsWithF_EqualsTwoSampleTTestWithD()
    {
        // With k = 2, F = t² and f = d / 2: pwr.anova.test(k = 2, n = 50, f = 0.2)$power = pwr.t.test(n = 50, d = 0.4)$power.
        var anova = AnovaPower.Power(0.2, 2, 50);
        var t = TwoGroupPower.Power(0.4, 50, 50);
        AssertClose(t.Power, anova.Power, 1e-9, "k = 2 equivalence");
    }

    [Fact]
    public void Power_InvalidInputs_ThrowFrench()
    {
        Assert.Contains("deux groupes", Assert.Throws<StatisticsException>(() => AnovaPower.Power(0.2, 1, 50)).Message);
        Assert.Throws<StatisticsException>(() => AnovaPower.Power(-0.2, 3, 50));
        Assert.Throws<StatisticsException>(() => AnovaPower.Power(0.2, 3, 1));
        Assert.Throws<StatisticsException>(() => AnovaPower.SampleSize(0, 3));
        Assert.Throws<StatisticsException>(() => AnovaPower.MinimumDetectableEffect(3, 50, power: 1));
    }
}

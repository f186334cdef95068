using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Planning a comparison of two groups of families (e.g. 100–300 per group) on a continuous score.
/// Expected values: Fixtures/design/power_two_group.json written by Reference/design.R —
/// pwr::pwr.t.test / pwr.t2n.test for R² = 0, and PowerUpR's ira1r1 formulas hand-coded in R with R².
/// </summary>
public class TwoGroupPowerTests
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/power_two_group.json");

    [Fact]
    public void Power_PwrAndPowerUpRCases_MatchR()
    {
        // pwr.t.test(n, d)$power, pwr.t2n.test(n1, n2, d)$power, hand-coded power.ira1r1 with R² and g.
        foreach (var c in Fixture.GetProperty("power").EnumerateArray())
        {
            var r = TwoGroupPower.Power(c.D("d"), c.D("n1"), c.D("n2"), c.D("alpha"), c.D("r2"), c.I("g"));
            AssertClose(c.D("power"), r.Power, 1e-9, $"power d={c.D("d")} n1={c.D("n1")} n2={c.D("n2")}");
            Assert.Equal(PowerQuantity.Power, r.SolvedFor);
            Assert.Equal(c.D("n1") + c.D("n2") - 2 - c.I("g"), r.DegreesOfFreedom);
        }
    }

    [Fact]
    public void SampleSize_ExactRootOfPwrPowerFunction_MatchesR()
    {
        // uniroot(tol = 1e-13) on pwr.t.test / pwr.t2n.test power (n2 = ratio × n1), or the ira1r1 power with R².
        foreach (var c in Fixture.GetProperty("sample_size").EnumerateArray())
        {
            var r = TwoGroupPower.SampleSize(c.D("d"), c.D("power"), c.D("alpha"), c.D("ratio"), c.D("r2"), c.I("g"));
            AssertClose(c.D("n1"), r.N1, 1e-6, $"n1 d={c.D("d")}");
            AssertClose(c.D("n2"), r.N2, 1e-6, $"n2 d={c.D("d")}");
            AssertClose(c.D("power"), r.AchievedPower, 1e-9, "power at the solution");
            if (c.Has("n1_pwr_exact")) AssertClose(c.D("n1_pwr_exact"), r.N1, 1e-6, "n1 from pwr's own power function");
            // pwr's own solution uses uniroot's default tolerance (~1e-4 on n).
            if (c.Has("pwr_default")) AssertClose(c.D("pwr_default"), r.N1, 1e-4, "pwr.t.test(n = NULL) default");
        }
    }

    [Fact]
    public void SampleSize_EqualGroupsMediumEffect_IsTheClassic64PerGroup()
    {
        // Textbook check: d = 0.5, power 0.80, alpha 0.05 → 63.77 per group (pwr.t.test(d = .5, power = .8)$n = 63.76561).
        var r = TwoGroupPower.SampleSize(0.5);
        Assert.Equal(64, r.RequiredN1);
        AssertClose(63.76561, r.N1, 1e-6, "n per group");
    }

    [Fact]
    public void MinimumDetectableEffect_ExactAndMultiplier_MatchR()
    {
        // Exact: uniroot on pwr.t2n.test / ira1r1 power; multiplier: M × SSE as PowerUpR mdes.ira1r1.
        foreach (var c in Fixture.GetProperty("mde").EnumerateArray())
        {
            var what = $"n1={c.D("n1")} n2={c.D("n2")} r2={c.D("r2")}";
            var exact = TwoGroupPower.MinimumDetectableEffect(c.D("n1"), c.D("n2"), c.D("power"), c.D("alpha"), c.D("r2"), c.I("g"));
            AssertClose(c.D("mde"), exact.EffectSize, 1e-7, "exact MDE " + what);
            AssertClose(c.D("sse"), exact.StandardisedStandardError, 1e-10, "SSE " + what);
            AssertClose(c.D("df"), exact.DegreesOfFreedom, 1e-12, "df " + what);
            AssertClose(c.D("multiplier"), exact.Multiplier, 1e-9, "multiplier " + what);
            if (c.Has("mde_pwr_exact")) AssertClose(c.D("mde_pwr_exact"), exact.EffectSize, 1e-7, "pwr exact " + what);
            if (c.Has("pwr_default")) AssertClose(c.D("pwr_default"), exact.EffectSize, 1e-4, "pwr default " + what);

            var bloom = TwoGroupPower.MinimumDetectableEffectByMultiplier(c.D("n1"), c.D("n2"), c.D("power"), c.D("alpha"), c.D("r2"), c.I("g"));
            Assert.Equal(PowerConvention.BloomMultiplier, bloom.Convention);
            AssertClose(c.D("mde_multiplier"), bloom.EffectSize, 1e-9, "multiplier MDE " + what);
            AssertClose(c.D("power_at_multiplier_mde"), bloom.AchievedPower, 1e-9, "power at multiplier MDE " + what);
        }
    }

    [Fact]
    public void SampleSizeByMultiplier_PowerUpRIteration_MatchesR()
    {
        // PowerUpR mrss.ira1r1 iteration hand-coded in R; p = 1 / (1 + ratio).
        foreach (var c in Fixture.GetProperty("mrss").EnumerateArray())
        {
            var p = c.D("p");
            var r = TwoGroupPower.SampleSizeByMultiplier(c.D("d"), c.D("power"), c.D("alpha"), (1 - p) / p, c.D("r2"), c.I("g"));
            AssertClose(c.D("n"), r.Total, 1e-9, $"total n d={c.D("d")}");
        }
    }

    [Fact]
    public void Power_AtExactMde_EqualsTarget()
    {
        // Self-consistency: power at the exact MDE is the target (not a copy of C# output: it inverts one function with another).
        var mde = TwoGroupPower.MinimumDetectableEffect(140, 210, 0.85, 0.05, 0.3, 2);
        var back = TwoGroupPower.Power(mde.EffectSize, 140, 210, 0.05, 0.3, 2);
        AssertClose(0.85, back.Power, 1e-10, "power at MDE");
    }

    [Fact]
    public void Power_HugeEffect_IsOneWithoutFailing()
    {
        // d = 5 with 100 per group: power is 1 to double precision; the multiplier is then infinite.
        var r = TwoGroupPower.Power(5, 100, 100);
        Assert.Equal(1.0, r.Power, 12);
        Assert.True(r.Multiplier > 5);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(0.03)]
    public void MinimumDetectableEffect_PowerOutOfRange_ThrowsFrench(double power)
    {
        var ex = Assert.Throws<StatisticsException>(() => TwoGroupPower.MinimumDetectableEffect(100, 100, power));
        Assert.Contains("puissance", ex.Message);
    }

    [Fact]
    public void Power_NoDegreeOfFreedomLeft_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => TwoGroupPower.Power(0.5, 2, 2, covariates: 2));
        Assert.Contains("degré de liberté", ex.Message);
    }

    [Fact]
    public void SampleSize_ZeroEffect_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => TwoGroupPower.SampleSize(0));
        Assert.Contains("effet nulle", ex.Message);
    }

    [Fact]
    public void Power_InvalidInputs_ThrowFrench()
    {
        Assert.Throws<StatisticsException>(() => TwoGroupPower.Power(0.3, 100, 100, alpha: 1.5));
        Assert.Throws<StatisticsException>(() => TwoGroupPower.Power(0.3, 100, 100, covariateRSquared: 1));
        Assert.Throws<StatisticsException>(() => TwoGroupPower.Power(0.3, 1, 100));
        Assert.Throws<StatisticsException>(() => TwoGroupPower.Power(double.NaN, 100, 100));
        Assert.Throws<StatisticsException>(() => TwoGroupPower.SampleSize(0.3, allocationRatio: 0));
    }
}

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

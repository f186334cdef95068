using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// Planning a comparison of rates (e.g. share of families using a service) between two groups.
/// Expected values: Fixtures/design/power_proportions.json from Reference/design.R —
/// pwr::ES.h, pwr.2p.test / pwr.2p2n.test power, uniroot(tol = 1e-13) on the same power function,
/// and the MDE back on the proportion scale: sin²(asin √p0 ± h/2).
/// </summary>
public class TwoProportionPowerTests
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/power_proportions.json");

    [Fact]
    public void PowerForRates_PwrCases_MatchR()
    {
        foreach (var c in Fixture.GetProperty("power").EnumerateArray())
        {
            AssertClose(c.D("h"), TwoProportionPower.CohenH(c.D("p1"), c.D("p2")), 1e-12, "ES.h");
            var r = TwoProportionPower.PowerForRates(c.D("p1"), c.D("p2"), c.D("n1"), c.D("n2"), c.D("alpha"));
            AssertClose(c.D("power"), r.Power, 1e-10, $"power p1={c.D("p1")} p2={c.D("p2")}");
        }
    }

    [Fact]
    public void SampleSize_RootOfPwrPowerFunction_MatchesR()
    {
        foreach (var c in Fixture.GetProperty("sample_size").EnumerateArray())
        {
            var r = TwoProportionPower.SampleSize(c.D("h"), c.D("power"), c.D("alpha"), c.D("ratio"));
            AssertClose(c.D("n1"), r.N1, 1e-6, $"n1 h={c.D("h")}");
            AssertClose(c.D("n2"), r.N2, 1e-6, $"n2 h={c.D("h")}");
            if (c.Has("pwr_default")) AssertClose(c.D("pwr_default"), r.N1, 1e-4, "pwr.2p.test default tolerance");
        }
    }

    [Fact]
    public void MinimumDetectableEffect_WithBaseline_GivesRatesAsR()
    {
        foreach (var c in Fixture.GetProperty("mde").EnumerateArray())
        {
            var r = TwoProportionPower.MinimumDetectableEffect(c.D("n1"), c.D("n2"), c.D("power"), c.D("alpha"), c.D("baseline"));
            AssertClose(c.D("h"), r.CohenH, 1e-7, "h");
            AssertClose(c.D("pwr_default"), r.CohenH, 1e-4, "pwr.2p2n.test default tolerance");
            if (c.Has("rate_above"))
            {
                AssertClose(c.D("rate_above"), r.DetectableRateAbove!.Value, 1e-7, "rate above");
                AssertClose(c.D("rate_above") - c.D("baseline"), r.DifferenceAbove!.Value, 1e-7, "difference above");
            }
            else
            {
                Assert.Null(r.DetectableRateAbove);
                Assert.Contains(r.Warnings, w => w.Contains("seule une baisse"));
            }
            if (c.Has("rate_below")) AssertClose(c.D("rate_below"), r.DetectableRateBelow!.Value, 1e-7, "rate below");
            else Assert.Null(r.DetectableRateBelow);
        }
    }

    [Fact]
    public void MinimumDetectableEffect_InvalidBaseline_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => TwoProportionPower.MinimumDetectableEffect(100, 100, baselineRate: 1.3));
        Assert.Contains("proportion", ex.Message);
        Assert.Throws<StatisticsException>(() => TwoProportionPower.SampleSize(0));
        Assert.Throws<StatisticsException>(() => TwoProportionPower.Power(0.2, 0, 10));
    }
}

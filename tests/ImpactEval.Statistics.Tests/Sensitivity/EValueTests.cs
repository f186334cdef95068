using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests.Sensitivity;

/// <summary>
/// E-values against the formulas of VanderWeele &amp; Ding (2017) computed in R (Reference/workbench.R,
/// Fixtures/workbench/evalues.json), and the paper's own worked example.
/// </summary>
public class EValueTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("workbench/evalues.json");

    // The paper's example: RR 3.9 (95 % CI 1.8 to 8.7) needs a confounder associated by RR 7.26 with both exposure and
    // outcome to explain the estimate away, and 3.0 to move the lower limit to 1.
    [Fact]
    public void ForRiskRatio_PublishedExample_7Point26And3()
    {
        var e = EValues.ForRiskRatio(3.9, 1.8, 8.7);
        Assert.Equal(7.26, e.Point, 2);
        Assert.Equal(3.0, e.Limit, 12);
    }

    [Fact]
    public void EveryScale_EqualsPublishedFormulas()
    {
        foreach (var c in Fixture.GetProperty("risk_ratios").EnumerateArray())
            Check(EValues.ForRiskRatio(c.D("rr"), c.D("lo"), c.D("hi")), c);
        foreach (var c in Fixture.GetProperty("odds_ratios").EnumerateArray())
            Check(EValues.ForOddsRatio(c.D("or"), c.D("lo"), c.D("hi"), c.D("prevalence")), c);
        foreach (var c in Fixture.GetProperty("standardised").EnumerateArray())
            Check(EValues.ForStandardisedDifference(c.D("d"), c.D("se"), c.D("level")), c);

        static void Check(EValue actual, JsonElement expected)
        {
            ReferenceFixture.AssertClose(expected.D("point"), actual.Point, 1e-12, "point");
            ReferenceFixture.AssertClose(expected.D("limit"), actual.Limit, 1e-12, "limit");
        }
    }

    // An estimate of no effect needs no confounding; protective and harmful ratios are symmetric on the log scale.
    [Fact]
    public void Of_NullAndReciprocal()
    {
        Assert.Equal(1, EValues.Of(1));
        Assert.Equal(EValues.Of(2), EValues.Of(0.5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => EValues.Of(0));
    }
}

using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class EffectSizesTests
{
    public static IEnumerable<object[]> Cases =>
        Names("means.json", "cases").Where(n => Case("means.json", "cases", (string)n[0]).TryGetProperty("hedges", out _));

    // Standardised difference between beneficiaries and a comparison cohort, for a report that
    // compares indicators on different scales. Expected (mean_case() in Reference/contrasts.R):
    // g = effectsize::hedges_g(x, y, ci = level)$Hedges_g (= metafor::escalc("SMD")$yi);
    // interval = the same noncentral-t pivot solved by uniroot(tol = 1e-13) ("lower"/"upper"), and
    // effectsize's own optim-based limits, which are only ~1e-7 precise, to 1e-5;
    // SE = sqrt(escalc("SMD")$vi); statistic, df and p from t.test(var.equal = TRUE).
    [Theory]
    [MemberData(nameof(Cases))]
    public void HedgesG_ReferenceDatasets_MatchesEffectsizeAndMetafor(string name)
    {
        var c = Case("means.json", "cases", name);
        var h = c.GetProperty("hedges");
        var student = c.GetProperty("student");

        var g = EffectSizes.HedgesG(c.Group("x", "BEN"), c.Group("y", "TEMOIN"), c.D("level"));

        ReferenceFixture.AssertClose(h.D("g"), g.Value, EstimateTol, "g");
        ReferenceFixture.AssertClose(h.D("metafor_yi"), g.Value, EstimateTol, "g (metafor)");
        ReferenceFixture.AssertClose(h.D("se"), g.StandardError, EstimateTol, "se");
        ReferenceFixture.AssertClose(h.D("lower"), g.Interval.Lower, EstimateTol, "lower (precise)");
        ReferenceFixture.AssertClose(h.D("upper"), g.Interval.Upper, EstimateTol, "upper (precise)");
        ReferenceFixture.AssertClose(h.D("lower_effectsize"), g.Interval.Lower, 1e-5, "lower (effectsize optim)");
        ReferenceFixture.AssertClose(h.D("upper_effectsize"), g.Interval.Upper, 1e-5, "upper (effectsize optim)");
        ReferenceFixture.AssertClose(student.D("t"), g.Statistic, EstimateTol, "t");
        ReferenceFixture.AssertClose(student.D("df"), g.DegreesOfFreedom, PValueTol, "df");
        ReferenceFixture.AssertClose(student.D("p"), g.PValue, PValueTol, "p");
    }

    [Fact]
    public void HedgesG_SingleObservation_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => EffectSizes.HedgesG(GroupSample.Of("BEN", 7.5), GroupSample.Of("TEM", 1, 2, 3)));

    [Fact]
    public void HedgesG_ConstantInBothGroups_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => EffectSizes.HedgesG(GroupSample.Of("BEN", 2, 2), GroupSample.Of("TEM", 1, 1, 1)));
        Assert.Contains("constantes", e.Message);
    }
}

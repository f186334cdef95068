using System.Text.Json;
using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class BinaryContrastsTests
{
    public static IEnumerable<object[]> Cases => Names("binary.json", "cases");

    private static TwoByTwoTable Table(JsonElement c) =>
        new("BEN", c.I("a"), c.I("n1"), "TEMOIN", c.I("c"), c.I("n2"));

    // Share of children attending school regularly (or of parents informing teachers of absences)
    // in beneficiary vs comparison families: moderate tables, 1/6 vs 4/7, a zero-event group, a
    // group where everybody has the event, large cohorts at 90 %, two zero cells.
    // Expected (binary_case() in Reference/contrasts.R): risk difference = p1 - p2 with the Newcombe
    // method-10 interval hand-coded from prop.test Wilson limits, z and p from
    // prop.test(c(a, c), c(n1, n2), correct = FALSE), unpooled Wald SE; risk ratio and odds ratio
    // with Katz / Woolf log intervals (Haldane 0.5 when a needed cell is zero), cross-checked against
    // epiR::epi.2by2 Wald intervals when no cell is zero.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_ReferenceTables_MatchesR(string name)
    {
        var c = Case("binary.json", "cases", name);
        var r = BinaryContrasts.Compare(Table(c), c.D("level"));

        var rd = c.GetProperty("risk_difference");
        ReferenceFixture.AssertClose(rd.D("estimate"), r.RiskDifference.Value, EstimateTol, "rd");
        ReferenceFixture.AssertClose(rd.D("se"), r.RiskDifference.StandardError, EstimateTol, "rd se");
        ReferenceFixture.AssertClose(rd.D("z"), r.RiskDifference.Statistic, EstimateTol, "rd z");
        ReferenceFixture.AssertClose(rd.D("p"), r.RiskDifference.PValue, PValueTol, "rd p");
        ReferenceFixture.AssertClose(rd.D("lower"), r.RiskDifference.Interval.Lower, EstimateTol, "rd lower");
        ReferenceFixture.AssertClose(rd.D("upper"), r.RiskDifference.Interval.Upper, EstimateTol, "rd upper");

        foreach (var (property, estimate) in new[] { ("risk_ratio", r.RiskRatio), ("odds_ratio", r.OddsRatio) })
        {
            var e = c.GetProperty(property);
            ReferenceFixture.AssertClose(e.D("estimate"), estimate.Value, EstimateTol, property);
            ReferenceFixture.AssertClose(e.D("se_log"), estimate.StandardError, EstimateTol, property + " se(log)");
            ReferenceFixture.AssertClose(e.D("z"), estimate.Statistic, EstimateTol, property + " z");
            ReferenceFixture.AssertClose(e.D("p"), estimate.PValue, PValueTol, property + " p");
            ReferenceFixture.AssertClose(e.D("lower"), estimate.Interval.Lower, EstimateTol, property + " lower");
            ReferenceFixture.AssertClose(e.D("upper"), estimate.Interval.Upper, EstimateTol, property + " upper");
            Assert.Equal(e.GetProperty("haldane").GetBoolean(), !estimate.Warnings.IsEmpty);
        }

        if (c.TryGetProperty("epiR", out var ep))
        {
            ReferenceFixture.AssertClose(ep.D("rr"), r.RiskRatio.Value, EstimateTol, "epiR rr");
            ReferenceFixture.AssertClose(ep.D("rr_lower"), r.RiskRatio.Interval.Lower, EstimateTol, "epiR rr lower");
            ReferenceFixture.AssertClose(ep.D("rr_upper"), r.RiskRatio.Interval.Upper, EstimateTol, "epiR rr upper");
            ReferenceFixture.AssertClose(ep.D("or"), r.OddsRatio.Value, EstimateTol, "epiR or");
            ReferenceFixture.AssertClose(ep.D("or_lower"), r.OddsRatio.Interval.Lower, EstimateTol, "epiR or lower");
            ReferenceFixture.AssertClose(ep.D("or_upper"), r.OddsRatio.Interval.Upper, EstimateTol, "epiR or upper");
        }

        ReferenceFixture.AssertClose((double)c.I("a") / c.I("n1"), r.FocalRisk.Value, EstimateTol, "focal risk");
        Assert.Equal(c.I("n1") + c.I("n2"), r.RiskDifference.N);
    }

    // Same tables, Fisher's exact test. Expected: fisher.test(matrix(c(a, c, n1 - a, n2 - c), 2))
    // p-value to 1e-6; the conditional MLE and exact limits solved with uniroot(tol = 1e-13) on the
    // same conditional distribution hand-coded in R (fisher_precise()) to 1e-8; fisher.test's own
    // estimate and limits (uniroot default tol ≈ 1.2e-4) to 1e-4. Infinite values are flagged in
    // the JSON (JSON has no infinity).
    [Theory]
    [MemberData(nameof(Cases))]
    public void FisherExact_ReferenceTables_MatchesFisherTest(string name)
    {
        var c = Case("binary.json", "cases", name);
        var f = c.GetProperty("fisher");
        var r = BinaryContrasts.FisherExact(Table(c), c.D("level"));

        ReferenceFixture.AssertClose(f.D("p"), r.PValue, PValueTol, "p");
        if (f.GetProperty("estimate_is_infinite").GetBoolean())
            Assert.Equal(double.PositiveInfinity, r.ConditionalOddsRatio);
        else
        {
            ReferenceFixture.AssertClose(f.D("estimate"), r.ConditionalOddsRatio, EstimateTol, "mle (precise)");
            ReferenceFixture.AssertClose(f.D("estimate_fisher_test"), r.ConditionalOddsRatio, 1e-4, "mle (fisher.test)");
        }
        ReferenceFixture.AssertClose(f.D("lower"), r.Interval.Lower, EstimateTol, "lower (precise)");
        ReferenceFixture.AssertClose(f.D("lower_fisher_test"), r.Interval.Lower, 1e-4, "lower (fisher.test)");
        if (f.GetProperty("upper_is_infinite").GetBoolean())
            Assert.Equal(double.PositiveInfinity, r.Interval.Upper);
        else
        {
            ReferenceFixture.AssertClose(f.D("upper"), r.Interval.Upper, EstimateTol, "upper (precise)");
            ReferenceFixture.AssertClose(f.D("upper_fisher_test"), r.Interval.Upper, 1e-4, "upper (fisher.test)");
        }
    }

    // Raw 0/1 outcomes with missing values give the same table as the counts.
    [Fact]
    public void Table_RawOutcomesWithMissing_CountsNonMissing()
    {
        var t = BinaryContrasts.Table(GroupSample.Of("BEN", 1, 0, double.NaN, 1), GroupSample.Of("TEM", 0, 0, 1));
        Assert.Equal(new TwoByTwoTable("BEN", 2, 3, "TEM", 1, 3), t);
    }

    [Fact]
    public void Table_ValueOtherThanZeroOrOne_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => BinaryContrasts.Table(GroupSample.Of("BEN", 1, 2), GroupSample.Of("TEM", 0)));

    // No child dropped out in either cohort: nothing to compare (constant outcome).
    [Fact]
    public void Compare_NoEventInEitherGroup_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => BinaryContrasts.Compare(new TwoByTwoTable("BEN", 0, 12, "TEM", 0, 9)));
        Assert.Contains("Aucun événement", e.Message);
        Assert.Throws<StatisticsException>(() => BinaryContrasts.FisherExact(new TwoByTwoTable("BEN", 12, 12, "TEM", 9, 9)));
    }

    [Fact]
    public void Compare_EmptyGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => BinaryContrasts.Compare(GroupSample.Of("BEN", double.NaN), GroupSample.Of("TEM", 0, 1)));

    // Zero cell: the odds ratio uses the Haldane-Anscombe correction and says so in French.
    [Fact]
    public void WoolfOddsRatio_ZeroCell_HaldaneCorrectionWithWarning()
    {
        var or = BinaryContrasts.WoolfOddsRatio(new TwoByTwoTable("BEN", 0, 10, "TEM", 5, 12));
        Assert.Contains("Haldane", or.Method);
        Assert.Contains(or.Warnings, w => w.Contains("0,5"));
        Assert.True(double.IsFinite(or.Value) && or.Value > 0);
    }

    [Fact]
    public void Compare_EventsAboveTotal_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryContrasts.Compare(new TwoByTwoTable("BEN", 5, 4, "TEM", 1, 3)));
}

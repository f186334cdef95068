using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Descriptive;

public class ProportionsTests
{
    // Share of families reached, of pupils attending regularly…: x of n with the Wilson interval,
    // including 0 of n, n of n and n = 1. Expected: prop.test(x, n, conf.level, correct = FALSE)$conf.int
    // (wilson_cases in Reference/contrasts.R), at 0.90, 0.95 and 0.99.
    [Fact]
    public void Wilson_ReferenceCounts_MatchesPropTest()
    {
        var cases = ReferenceFixture.Load("contrasts/levels.json").GetProperty("wilson").EnumerateArray().ToList();
        Assert.Equal(8, cases.Count);
        foreach (var c in cases)
        {
            var x = (int)c.D("x");
            var n = (int)c.D("n");
            var p = Proportions.Wilson(x, n, c.D("level"));
            var what = $"{x}/{n} at {c.D("level")}";
            ReferenceFixture.AssertClose((double)x / n, p.Value, EstimateTol, what);
            ReferenceFixture.AssertClose(c.D("lower"), p.Interval.Lower, EstimateTol, what + " lower");
            ReferenceFixture.AssertClose(c.D("upper"), p.Interval.Upper, EstimateTol, what + " upper");
            Assert.InRange(p.Interval.Lower, 0.0, p.Value);
            Assert.InRange(p.Interval.Upper, p.Value, 1.0);
        }
    }

    [Fact]
    public void Wilson_ZeroTotal_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => Proportions.Wilson(0, 0));

    [Fact]
    public void Wilson_CountAboveTotal_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(5, 4));
}

using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class MeanContrastsTests
{
    public static IEnumerable<object[]> Cases => Names("means.json", "cases");

    private static void AssertMatches(System.Text.Json.JsonElement r, MeanDifference d, string what)
    {
        ReferenceFixture.AssertClose(r.D("estimate"), d.Difference.Value, EstimateTol, what + " estimate");
        ReferenceFixture.AssertClose(r.D("se"), d.Difference.StandardError, EstimateTol, what + " se");
        ReferenceFixture.AssertClose(r.D("t"), d.Difference.Statistic, EstimateTol, what + " t");
        ReferenceFixture.AssertClose(r.D("df"), d.Difference.DegreesOfFreedom, PValueTol, what + " df");
        ReferenceFixture.AssertClose(r.D("p"), d.Difference.PValue, PValueTol, what + " p");
        ReferenceFixture.AssertClose(r.D("lower"), d.Difference.Interval.Lower, EstimateTol, what + " lower");
        ReferenceFixture.AssertClose(r.D("upper"), d.Difference.Interval.Upper, EstimateTol, what + " upper");
    }

    // Teacher ratings of beneficiary vs non-beneficiary families: unequal variances, 3 vs 4 values,
    // integer scores with ties and missing values, large cohorts at 90 %, one constant group.
    // Expected: t.test(x, y, var.equal = FALSE, conf.level)$estimate/stderr/statistic/parameter/
    // p.value/conf.int (mean_case() in Reference/contrasts.R).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Welch_ReferenceDatasets_MatchesTTest(string name)
    {
        var c = Case("means.json", "cases", name);
        var x = c.Group("x", "BEN");
        var y = c.Group("y", "TEMOIN");
        if (!c.TryGetProperty("welch", out var r))
        {
            // R refuses too: t.test stops with "not enough 'x' observations".
            Assert.Throws<StatisticsException>(() => MeanContrasts.Welch(x, y, c.D("level")));
            return;
        }
        var d = MeanContrasts.Welch(x, y, c.D("level"));
        AssertMatches(r, d, name);
        Assert.Equal(x.Count - x.MissingCount + y.Count - y.MissingCount, d.Difference.N);
        Assert.Equal("BEN", d.FocalLabel);
        Assert.Equal(d.FocalMean - d.ComparisonMean, d.Difference.Value, 12);
    }

    // Same datasets, pooled variance; includes R's acceptance of a single value in one group.
    // Expected: t.test(x, y, var.equal = TRUE, conf.level).
    [Theory]
    [MemberData(nameof(Cases))]
    public void Student_ReferenceDatasets_MatchesTTest(string name)
    {
        var c = Case("means.json", "cases", name);
        var d = MeanContrasts.Student(c.Group("x", "BEN"), c.Group("y", "TEMOIN"), c.D("level"));
        AssertMatches(c.GetProperty("student"), d, name);
    }

    [Fact]
    public void Welch_SingleObservationInGroup_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => MeanContrasts.Welch(GroupSample.Of("BEN", 3), GroupSample.Of("TEM", 1, 2, 3)));
        Assert.Contains("« BEN » ne compte qu'une observation", e.Message);
    }

    [Fact]
    public void Welch_EmptyGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MeanContrasts.Welch(GroupSample.Of("BEN"), GroupSample.Of("TEM", 1, 2, 3)));

    [Fact]
    public void Welch_AllMissingInGroup_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => MeanContrasts.Welch(GroupSample.Of("BEN", 1, 2), GroupSample.Of("TEM", double.NaN, double.NaN)));
        Assert.Contains("manquantes", e.Message);
    }

    // Both cohorts constant (e.g. every parent rated 4/4): R's t.test stops ("data are essentially constant").
    [Fact]
    public void Welch_ConstantInBothGroups_ThrowsStatisticsException()
    {
        Assert.Throws<StatisticsException>(() => MeanContrasts.Welch(GroupSample.Of("BEN", 4, 4, 4), GroupSample.Of("TEM", 3, 3)));
        Assert.Throws<StatisticsException>(() => MeanContrasts.Student(GroupSample.Of("BEN", 4, 4, 4), GroupSample.Of("TEM", 3, 3)));
    }

    [Fact]
    public void Student_OneObservationEach_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MeanContrasts.Student(GroupSample.Of("BEN", 4), GroupSample.Of("TEM", 3)));
}

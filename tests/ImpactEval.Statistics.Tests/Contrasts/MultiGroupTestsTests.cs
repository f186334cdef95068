using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class MultiGroupTestsTests
{
    public static IEnumerable<object[]> WelchCases => Names("multigroup.json", "welch_anova");
    public static IEnumerable<object[]> KruskalCases => Names("multigroup.json", "kruskal");

    // A score compared across the three PasserelleS cohorts (and a fourth group): normal data with
    // unequal variances, small groups with a missing value, Likert scores. Expected (welch_case() in
    // Reference/contrasts.R): oneway.test(y ~ g, var.equal = FALSE)$statistic, $parameter, $p.value.
    [Theory]
    [MemberData(nameof(WelchCases))]
    public void WelchAnova_ReferenceDatasets_MatchesOnewayTest(string name)
    {
        var c = Case("multigroup.json", "welch_anova", name);
        var groups = c.Groups();

        var t = MultiGroupTests.WelchAnova(groups);

        ReferenceFixture.AssertClose(c.D("f"), t.Statistic, EstimateTol, "F");
        ReferenceFixture.AssertClose(c.D("df1"), t.DegreesOfFreedom, PValueTol, "df1");
        ReferenceFixture.AssertClose(c.D("df2"), t.DenominatorDegreesOfFreedom, PValueTol, "df2");
        ReferenceFixture.AssertClose(c.D("p"), t.PValue, PValueTol, "p");
        Assert.Equal(groups.Select(g => g.Label), t.GroupLabels);
        Assert.Equal(groups.Sum(g => g.Count - g.MissingCount), t.N);
    }

    // Same kind of data, ranks: no ties, Likert ties, a group with a single value.
    // Expected (kruskal_case()): kruskal.test(y, g)$statistic, $parameter, $p.value.
    [Theory]
    [MemberData(nameof(KruskalCases))]
    public void KruskalWallis_ReferenceDatasets_MatchesKruskalTest(string name)
    {
        var c = Case("multigroup.json", "kruskal", name);

        var t = MultiGroupTests.KruskalWallis(c.Groups());

        ReferenceFixture.AssertClose(c.D("h"), t.Statistic, EstimateTol, "H");
        ReferenceFixture.AssertClose(c.D("df"), t.DegreesOfFreedom, PValueTol, "df");
        Assert.Equal(double.PositiveInfinity, t.DenominatorDegreesOfFreedom);
        ReferenceFixture.AssertClose(c.D("p"), t.PValue, PValueTol, "p");
    }

    [Fact]
    public void WelchAnova_ConstantGroup_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => MultiGroupTests.WelchAnova(
            [GroupSample.Of("BEN", 4, 4, 4), GroupSample.Of("CRECHE", 1, 2, 3), GroupSample.Of("ELOIGNE", 2, 3)]));
        Assert.Contains("« BEN »", e.Message);
    }

    [Fact]
    public void WelchAnova_SingleObservationGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MultiGroupTests.WelchAnova(
            [GroupSample.Of("BEN", 4), GroupSample.Of("CRECHE", 1, 2, 3)]));

    [Fact]
    public void KruskalWallis_EmptyGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MultiGroupTests.KruskalWallis(
            [GroupSample.Of("BEN", double.NaN), GroupSample.Of("CRECHE", 1, 2, 3)]));

    [Fact]
    public void KruskalWallis_AllEqual_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MultiGroupTests.KruskalWallis(
            [GroupSample.Of("BEN", 2, 2), GroupSample.Of("CRECHE", 2, 2, 2)]));

    [Fact]
    public void KruskalWallis_OneGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => MultiGroupTests.KruskalWallis([GroupSample.Of("BEN", 1, 2)]));

    [Fact]
    public void KruskalWallis_DuplicateLabels_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => MultiGroupTests.KruskalWallis([GroupSample.Of("A", 1, 2), GroupSample.Of("A", 3)]));
}

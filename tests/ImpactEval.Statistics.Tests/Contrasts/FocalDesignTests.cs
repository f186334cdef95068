using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class FocalDesignTests
{
    // PasserelleS: beneficiary families (BEN) against families whose child attended a crèche and
    // families far from any childcare, Welch each time. Expected: t.test(BEN, CRECHE) and
    // t.test(BEN, ELOIGNE) (focal in Reference/contrasts.R, means.json).
    [Fact]
    public void AgainstEach_ThreeCohorts_OneWelchResultPerComparisonMatchingR()
    {
        var f = ReferenceFixture.Load("contrasts/means.json").GetProperty("focal");
        var groups = f.Groups();

        var results = FocalDesign.AgainstEach(groups, f.GetProperty("focal").GetString()!, (a, b) => MeanContrasts.Welch(a, b));

        var expected = f.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(expected.Count, results.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var r = results[i];
            Assert.Equal("BEN", r.FocalLabel);
            Assert.Equal(e.GetProperty("comparison").GetString(), r.ComparisonLabel);
            Assert.True(r.Succeeded);
            ReferenceFixture.AssertClose(e.D("estimate"), r.Result!.Difference.Value, EstimateTol, "estimate");
            ReferenceFixture.AssertClose(e.D("se"), r.Result.Difference.StandardError, EstimateTol, "se");
            ReferenceFixture.AssertClose(e.D("df"), r.Result.Difference.DegreesOfFreedom, PValueTol, "df");
            ReferenceFixture.AssertClose(e.D("p"), r.Result.Difference.PValue, PValueTol, "p");
            ReferenceFixture.AssertClose(e.D("lower"), r.Result.Difference.Interval.Lower, EstimateTol, "lower");
            ReferenceFixture.AssertClose(e.D("upper"), r.Result.Difference.Interval.Upper, EstimateTol, "upper");
        }
    }

    // One comparison cohort has a single family: its comparison fails with the French reason, the
    // others are still reported; the focal group may come anywhere in the list.
    [Fact]
    public void AgainstEach_ComparisonWithOneValue_KeepsFailureReason()
    {
        GroupSample[] groups = [GroupSample.Of("CRECHE", 2, 3, 4), GroupSample.Of("BEN", 3, 4, 5, 6), GroupSample.Of("ELOIGNE", 1)];

        var results = FocalDesign.AgainstEach(groups, "BEN", (a, b) => MeanContrasts.Welch(a, b));

        Assert.Equal(["CRECHE", "ELOIGNE"], results.Select(r => r.ComparisonLabel));
        Assert.True(results[0].Succeeded);
        Assert.Null(results[1].Result);
        Assert.Contains("« ELOIGNE » ne compte qu'une observation", results[1].FailureReason);
    }

    [Fact]
    public void AgainstEach_FocalGroupAbsent_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() =>
            FocalDesign.AgainstEach([GroupSample.Of("CRECHE", 1, 2)], "BEN", (a, b) => RankContrasts.Compare(a, b)));
        Assert.Contains("« BEN » est absent", e.Message);
    }

    [Fact]
    public void AgainstEach_OnlyFocalGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() =>
            FocalDesign.AgainstEach([GroupSample.Of("BEN", 1, 2)], "BEN", (a, b) => RankContrasts.Compare(a, b)));
}

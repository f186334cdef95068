using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class RankContrastsTests
{
    public static IEnumerable<object[]> Cases => Names("rank.json", "cases");
    public static IEnumerable<object[]> BrunnerMunzelCases => Names("brunner_munzel.json", "cases");

    // Teacher ratings on a 1–4 scale ("climat de la relation enfant/parents") in two cohorts, and
    // small continuous samples: exact p-value (7 vs 9, 49 vs 12, no ties), normal approximation with
    // tie and continuity correction (Likert ties, 60 vs 55), small samples with ties, complete
    // separation. Expected (rank_case() in Reference/contrasts.R): wilcox.test(x, y)$statistic,
    // $p.value and $method; PS = W/(n1 n2); Cliff's delta = effectsize::cliffs_delta(x, y).
    [Theory]
    [MemberData(nameof(Cases))]
    public void WilcoxonMannWhitney_ReferenceDatasets_MatchesWilcoxTest(string name)
    {
        var c = Case("rank.json", "cases", name);
        var x = c.Group("x", "BEN");
        var y = c.Group("y", "TEMOIN");

        var w = RankContrasts.WilcoxonMannWhitney(x, y);
        var r = RankContrasts.Compare(x, y);

        ReferenceFixture.AssertClose(c.D("w"), w.W, EstimateTol, "W");
        ReferenceFixture.AssertClose(c.D("p"), w.PValue, PValueTol, "p");
        Assert.Equal(c.GetProperty("exact").GetBoolean(), w.IsExact);
        Assert.Equal(c.GetProperty("method").GetString()!.Contains("exact"), w.IsExact);
        ReferenceFixture.AssertClose(c.D("prob_superiority"), r.ProbabilityOfSuperiority.Value, EstimateTol, "PS");
        ReferenceFixture.AssertClose(c.D("cliffs_delta"), r.CliffsDelta.Value, EstimateTol, "Cliff's delta");
        Assert.Equal(w.W, r.Wilcoxon.W);
        Assert.Equal(w.PValue, r.Wilcoxon.PValue);
        Assert.Equal(w.Warnings.Length > 0, c.GetProperty("method").GetString()!.Contains("continuity") && !name.StartsWith("normal_approx"));
    }

    // Brunner-Munzel inference on the same datasets. Expected (Reference/contrasts_rank.py):
    // statsmodels rank_compare_2indep(x, y, use_t=True): prob1, sqrt(var/nobs), statistic, df,
    // pvalue, conf_int(alpha=0.05 and 0.10); test_prob_superior(0.5).statistic; and
    // scipy.stats.brunnermunzel(x, y) (opposite sign) for the statistic and p-value.
    [Theory]
    [MemberData(nameof(BrunnerMunzelCases))]
    public void BrunnerMunzel_ReferenceDatasets_MatchesStatsmodels(string name)
    {
        var c = Case("rank.json", "cases", name);
        var e = Case("brunner_munzel.json", "cases", name);
        var x = c.Group("x", "BEN");
        var y = c.Group("y", "TEMOIN");

        var ps = RankContrasts.BrunnerMunzel(x, y);
        var ps90 = RankContrasts.BrunnerMunzel(x, y, 0.90);
        var delta = RankContrasts.Compare(x, y).CliffsDelta;

        ReferenceFixture.AssertClose(e.D("prob_superiority"), ps.Value, EstimateTol, "PS");
        ReferenceFixture.AssertClose(e.D("se"), ps.StandardError, EstimateTol, "se");
        ReferenceFixture.AssertClose(e.D("statistic"), ps.Statistic, EstimateTol, "statistic");
        ReferenceFixture.AssertClose(e.D("statistic_test_prob_superior"), ps.Statistic, EstimateTol, "statistic (test_prob_superior)");
        ReferenceFixture.AssertClose(-e.D("scipy_statistic"), ps.Statistic, EstimateTol, "statistic (scipy)");
        ReferenceFixture.AssertClose(e.D("df"), ps.DegreesOfFreedom, PValueTol, "df");
        ReferenceFixture.AssertClose(e.D("p"), ps.PValue, PValueTol, "p");
        ReferenceFixture.AssertClose(e.D("scipy_p"), ps.PValue, PValueTol, "p (scipy)");
        ReferenceFixture.AssertClose(e.D("lower95"), ps.Interval.Lower, EstimateTol, "lower95");
        ReferenceFixture.AssertClose(e.D("upper95"), ps.Interval.Upper, EstimateTol, "upper95");
        ReferenceFixture.AssertClose(e.D("lower90"), ps90.Interval.Lower, EstimateTol, "lower90");
        ReferenceFixture.AssertClose(e.D("upper90"), ps90.Interval.Upper, EstimateTol, "upper90");
        ReferenceFixture.AssertClose(2 * e.D("lower95") - 1, delta.Interval.Lower, EstimateTol, "delta lower");
        ReferenceFixture.AssertClose(2 * e.D("upper95") - 1, delta.Interval.Upper, EstimateTol, "delta upper");
        ReferenceFixture.AssertClose(e.D("p"), delta.PValue, PValueTol, "delta p");
    }

    // Every beneficiary rated above every comparison child: PS = 1, the Brunner-Munzel variance is 0;
    // the estimate is kept, its inference is NaN with a French warning, and the Wilcoxon exact
    // p-value (R: wilcox.test(5:9, 1:4)$p.value = 2/126) remains.
    [Fact]
    public void Compare_CompleteSeparation_PsOneWithWarningAndExactWilcoxon()
    {
        var r = RankContrasts.Compare(GroupSample.Of("BEN", 5, 6, 7, 8, 9), GroupSample.Of("TEM", 1, 2, 3, 4));

        Assert.Equal(1.0, r.ProbabilityOfSuperiority.Value);
        Assert.Equal(1.0, r.CliffsDelta.Value);
        Assert.True(double.IsNaN(r.ProbabilityOfSuperiority.PValue));
        Assert.Contains(r.ProbabilityOfSuperiority.Warnings, w => w.Contains("parfaitement séparés"));
        var c = Case("rank.json", "cases", "complete_separation_5_vs_4");
        ReferenceFixture.AssertClose(c.D("p"), r.Wilcoxon.PValue, PValueTol, "exact p");
    }

    [Fact]
    public void Compare_AllValuesEqual_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => RankContrasts.Compare(GroupSample.Of("BEN", 3, 3, 3), GroupSample.Of("TEM", 3, 3)));
        Assert.Contains("identiques", e.Message);
    }

    [Fact]
    public void BrunnerMunzel_SingleObservation_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => RankContrasts.BrunnerMunzel(GroupSample.Of("BEN", 3), GroupSample.Of("TEM", 1, 2, 4)));

    [Fact]
    public void WilcoxonMannWhitney_EmptyGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => RankContrasts.WilcoxonMannWhitney(GroupSample.Of("BEN"), GroupSample.Of("TEM", 1, 2)));

    // Ties with small samples: R warns "cannot compute exact p-value with ties"; here a French warning.
    [Fact]
    public void WilcoxonMannWhitney_TiesInSmallSamples_NormalApproximationWithWarning()
    {
        var w = RankContrasts.WilcoxonMannWhitney(GroupSample.Of("BEN", 1, 2, 2, 3, 5), GroupSample.Of("TEM", 2, 3, 4, 4, 5, 6));
        Assert.False(w.IsExact);
        Assert.Contains(w.Warnings, m => m.Contains("ex æquo"));
    }
}

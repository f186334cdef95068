using ImpactEval.Statistics.Tests.Contrasts;
using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Descriptive;

public class DescriptivesTests
{
    public static IEnumerable<object[]> SummaryCases => Names("descriptives.json", "cases");
    public static IEnumerable<object[]> LevelCases => Names("levels.json", "distributions");

    // A teacher-rated score, a Likert item, a skewed count… summarised in one cohort at one wave, as
    // the descriptive table of a report shows it. Expected values: Reference/contrasts.R, describe():
    // mean, sd, sd/sqrt(n), median, quantile(type = 7), min, max and t.test(x) (interval at 0.95
    // and 0.90, statistic, df, p-value), on the non-missing values.
    [Theory]
    [MemberData(nameof(SummaryCases))]
    public void Summarize_ReferenceDatasets_MatchesR(string name)
    {
        var c = Case("descriptives.json", "cases", name);
        var group = c.Group("values", "BEN");

        var s = Descriptives.Summarize(group);
        var s90 = Descriptives.Summarize(group, 0.90);

        Assert.Equal(c.I("n"), s.N);
        Assert.Equal(c.I("missing"), s.Missing);
        Assert.Equal("BEN", s.Label);
        ReferenceFixture.AssertClose(c.D("mean"), s.Mean.Value, EstimateTol, "mean");
        ReferenceFixture.AssertClose(c.D("median"), s.Median, EstimateTol, "median");
        ReferenceFixture.AssertClose(c.D("q1"), s.FirstQuartile, EstimateTol, "q1");
        ReferenceFixture.AssertClose(c.D("q3"), s.ThirdQuartile, EstimateTol, "q3");
        ReferenceFixture.AssertClose(c.D("min"), s.Minimum, EstimateTol, "min");
        ReferenceFixture.AssertClose(c.D("max"), s.Maximum, EstimateTol, "max");
        Assert.Equal(c.I("n"), s.Mean.N);
        if (s.N >= 2)
        {
            ReferenceFixture.AssertClose(c.D("sd"), s.StandardDeviation, EstimateTol, "sd");
            ReferenceFixture.AssertClose(c.D("se"), s.Mean.StandardError, EstimateTol, "se");
            var ci95 = ReferenceFixture.Doubles(c.GetProperty("ci95"));
            var ci90 = ReferenceFixture.Doubles(c.GetProperty("ci90"));
            ReferenceFixture.AssertClose(ci95[0], s.Mean.Interval.Lower, EstimateTol, "ci95 lower");
            ReferenceFixture.AssertClose(ci95[1], s.Mean.Interval.Upper, EstimateTol, "ci95 upper");
            ReferenceFixture.AssertClose(ci90[0], s90.Mean.Interval.Lower, EstimateTol, "ci90 lower");
            ReferenceFixture.AssertClose(ci90[1], s90.Mean.Interval.Upper, EstimateTol, "ci90 upper");
            ReferenceFixture.AssertClose(c.D("t"), s.Mean.Statistic, EstimateTol, "t");
            ReferenceFixture.AssertClose(c.D("df"), s.Mean.DegreesOfFreedom, PValueTol, "df");
            ReferenceFixture.AssertClose(c.D("p"), s.Mean.PValue, PValueTol, "p");
            Assert.Empty(s.Warnings);
        }
    }

    // A girl followed alone in her class: one value. R gives sd = NA; here the mean, median and range
    // are reported and the SD, SE and interval are NaN with a French warning (never silently).
    [Fact]
    public void Summarize_SingleValue_ReportsMeanWithWarning()
    {
        var s = Descriptives.Summarize(GroupSample.Of("Cohorte", double.NaN, 6.5));

        Assert.Equal(1, s.N);
        Assert.Equal(1, s.Missing);
        Assert.Equal(6.5, s.Mean.Value);
        Assert.True(double.IsNaN(s.StandardDeviation));
        Assert.True(double.IsNaN(s.Mean.Interval.Lower));
        Assert.Contains(s.Warnings, w => w.Contains("une observation"));
        Assert.Equal(s.Warnings, s.Mean.Warnings);
    }

    // All pupils at the top of a 1–4 scale: SD 0, the interval collapses on the mean, no t test.
    [Fact]
    public void Summarize_ConstantValues_CollapsedIntervalAndWarning()
    {
        var s = Descriptives.Summarize(GroupSample.Of("BEN", 4, 4, 4, 4));

        Assert.Equal(0.0, s.StandardDeviation);
        Assert.Equal(new ConfidenceInterval(4, 4, 0.95), s.Mean.Interval);
        Assert.True(double.IsNaN(s.Mean.PValue));
        Assert.Contains(s.Warnings, w => w.Contains("identiques"));
    }

    // Every teacher questionnaire of a cohort came back empty.
    [Fact]
    public void Summarize_AllMissing_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => Descriptives.Summarize(GroupSample.Of("ELOIGNE", double.NaN, double.NaN)));
        Assert.Contains("manquantes", e.Message);
        Assert.Contains("ELOIGNE", e.Message);
    }

    [Fact]
    public void Summarize_EmptyGroup_ThrowsStatisticsException()
    {
        var e = Assert.Throws<StatisticsException>(() => Descriptives.Summarize(GroupSample.Of("CRECHE")));
        Assert.Contains("aucune observation", e.Message);
    }

    [Fact]
    public void Summarize_LevelOutsideUnitInterval_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptives.Summarize(GroupSample.Of("A", 1, 2), 95));

    // A Likert item ("implication du parent…": Jamais … Toujours) in one cohort: count, share and
    // Wilson interval per level, unobserved levels included. Expected: prop.test(count, n,
    // correct = FALSE)$conf.int per level (level_case() in Reference/contrasts.R).
    [Theory]
    [MemberData(nameof(LevelCases))]
    public void Levels_ReferenceDatasets_MatchesPropTestWilson(string name)
    {
        var c = Case("levels.json", "distributions", name);
        var codes = ReferenceFixture.Doubles(c.GetProperty("codes"));
        var labels = ReferenceFixture.Strings(c.GetProperty("labels"));
        var scale = codes.Select((code, i) => new LevelLabel(code, labels[i])).ToList();

        var d = Descriptives.Levels(c.Group("values", "BEN"), scale, c.D("level"));

        Assert.Equal(c.I("n"), d.N);
        Assert.Equal(c.I("missing"), d.Missing);
        var expected = c.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(expected.Count, d.Levels.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var share = d.Levels[i];
            Assert.Equal(e.GetProperty("label").GetString(), share.Level.Label);
            Assert.Equal(e.I("count"), share.Share.Count);
            Assert.Equal(c.I("n"), share.Share.Total);
            ReferenceFixture.AssertClose(e.D("proportion"), share.Share.Value, EstimateTol, $"{name} share {i}");
            ReferenceFixture.AssertClose(e.D("lower"), share.Share.Interval.Lower, EstimateTol, $"{name} lower {i}");
            ReferenceFixture.AssertClose(e.D("upper"), share.Share.Interval.Upper, EstimateTol, $"{name} upper {i}");
        }
    }

    [Fact]
    public void Levels_ValueOutsideScale_ThrowsArgumentException()
    {
        var scale = new[] { new LevelLabel(1, "Non"), new LevelLabel(2, "Oui") };
        Assert.Throws<ArgumentException>(() => Descriptives.Levels(GroupSample.Of("A", 1, 2, 3), scale));
    }

    [Fact]
    public void Levels_AllMissing_ThrowsStatisticsException()
    {
        var scale = new[] { new LevelLabel(1, "Non"), new LevelLabel(2, "Oui") };
        Assert.Throws<StatisticsException>(() => Descriptives.Levels(GroupSample.Of("A", double.NaN), scale));
    }
}

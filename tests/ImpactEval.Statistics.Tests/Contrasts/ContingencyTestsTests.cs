using System.Text.Json;
using Xunit;
using static ImpactEval.Statistics.Tests.Contrasts.ContrastFixtures;

namespace ImpactEval.Statistics.Tests.Contrasts;

public class ContingencyTestsTests
{
    public static IEnumerable<object[]> Cases => Names("multigroup.json", "chisq");

    // Distribution of a Likert item across the three cohorts (raw codes), a 2×2 table of counts,
    // small cohorts with expected counts below 5, a level observed nowhere. Expected (chisq_case() in
    // Reference/contrasts.R): chisq.test(table, correct = FALSE)$statistic, $parameter, $p.value and
    // $expected, on the table without the unobserved level.
    [Theory]
    [MemberData(nameof(Cases))]
    public void ChiSquareIndependence_ReferenceTables_MatchesChisqTest(string name)
    {
        var c = Case("multigroup.json", "chisq", name);
        var observed = c.GetProperty("observed").EnumerateArray().Select(r => ReferenceFixture.Doubles(r)).ToList();
        ChiSquareIndependenceTest t;
        if (c.GetProperty("groups").ValueKind == JsonValueKind.Null)
        {
            var counts = new int[observed.Count, observed[0].Length];
            for (var i = 0; i < observed.Count; i++)
                for (var j = 0; j < observed[0].Length; j++) counts[i, j] = (int)observed[i][j];
            t = ContingencyTests.ChiSquareIndependence(counts, ["BEN", "TEMOIN"], ["Oui", "Non"]);
        }
        else
        {
            var codes = ReferenceFixture.Doubles(c.GetProperty("codes"));
            var labels = ReferenceFixture.Strings(c.GetProperty("labels"));
            t = ContingencyTests.ChiSquareIndependence(c.Groups(), codes.Select((k, i) => new LevelLabel(k, labels[i])).ToList());
        }

        ReferenceFixture.AssertClose(c.D("x2"), t.Test.Statistic, EstimateTol, "X2");
        ReferenceFixture.AssertClose(c.D("df"), t.Test.DegreesOfFreedom, PValueTol, "df");
        ReferenceFixture.AssertClose(c.D("p"), t.Test.PValue, PValueTol, "p");
        ReferenceFixture.AssertClose(c.D("min_expected"), t.MinimumExpected, EstimateTol, "min expected");
        var expected = c.GetProperty("expected").EnumerateArray().Select(r => ReferenceFixture.Doubles(r)).ToList();
        Assert.Equal(expected.Count, t.Expected.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(observed[i].Select(v => (int)v), t.Observed[i]);
            for (var j = 0; j < expected[i].Length; j++)
                ReferenceFixture.AssertClose(expected[i][j], t.Expected[i][j], EstimateTol, $"expected[{i},{j}]");
        }
        Assert.Equal(c.D("min_expected") < 5, t.Test.Warnings.Any(w => w.Contains("inférieur à 5")));
    }

    [Fact]
    public void ChiSquareIndependence_UnobservedLevel_DroppedWithWarning()
    {
        var c = Case("multigroup.json", "chisq", "unobserved_level_dropped");
        var labels = ReferenceFixture.Strings(c.GetProperty("labels"));
        var t = ContingencyTests.ChiSquareIndependence(c.Groups(),
            ReferenceFixture.Doubles(c.GetProperty("codes")).Select((k, i) => new LevelLabel(k, labels[i])).ToList());

        Assert.Equal(["Jamais", "Parfois", "Toujours"], t.ColumnLabels.ToArray());
        Assert.Contains(t.Test.Warnings, w => w.Contains("« Souvent » n'est observée dans aucun groupe"));
    }

    [Fact]
    public void ChiSquareIndependence_EmptyGroup_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => ContingencyTests.ChiSquareIndependence(new[,] { { 3, 4 }, { 0, 0 } }, ["BEN", "TEM"], ["Oui", "Non"]));

    [Fact]
    public void ChiSquareIndependence_SingleObservedLevel_ThrowsStatisticsException() =>
        Assert.Throws<StatisticsException>(() => ContingencyTests.ChiSquareIndependence(new[,] { { 3, 0 }, { 5, 0 } }, ["BEN", "TEM"], ["Oui", "Non"]));

    [Fact]
    public void ChiSquareIndependence_LabelCountMismatch_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => ContingencyTests.ChiSquareIndependence(new[,] { { 3, 1 }, { 5, 2 } }, ["BEN"], ["Oui", "Non"]));
}

using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests.Contrasts;

/// <summary>
/// The changes of one group observed twice against R (Fixtures/contrasts/paired.json, from Reference/paired.R):
/// t.test(after, before, paired = TRUE) and wilcox.test(after, before, paired = TRUE), exact and approximate.
/// </summary>
public class PairedChangesTests
{
    public static TheoryData<string> Cases() => new(Load("contrasts/paired.json").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MeanChangeAndSignedRank_MatchR(string name)
    {
        var c = Load("contrasts/paired.json").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var before = Doubles(c.GetProperty("before"));
        var after = Doubles(c.GetProperty("after"));

        var change = PairedChanges.MeanChange(before, after);
        var ninety = PairedChanges.MeanChange(before, after, 0.90);
        var rank = PairedChanges.SignedRank(before, after);

        Assert.Equal(c.GetProperty("n").GetInt32(), change.N);
        AssertClose(c.GetProperty("mean").GetDouble(), change.Value, 1e-12, $"{name} mean");
        AssertClose(c.GetProperty("se").GetDouble(), change.StandardError, 1e-12, $"{name} se");
        AssertClose(c.GetProperty("t").GetDouble(), change.Statistic, 1e-10, $"{name} t");
        AssertClose(c.GetProperty("df").GetDouble(), change.DegreesOfFreedom, 1e-12, $"{name} df");
        AssertClose(c.GetProperty("p").GetDouble(), change.PValue, 1e-10, $"{name} p");
        var ci95 = Doubles(c.GetProperty("ci95"));
        var ci90 = Doubles(c.GetProperty("ci90"));
        AssertClose(ci95[0], change.Interval.Lower, 1e-10, $"{name} ci95 lower");
        AssertClose(ci95[1], change.Interval.Upper, 1e-10, $"{name} ci95 upper");
        AssertClose(ci90[0], ninety.Interval.Lower, 1e-10, $"{name} ci90 lower");
        AssertClose(ci90[1], ninety.Interval.Upper, 1e-10, $"{name} ci90 upper");
        AssertClose(c.GetProperty("v").GetDouble(), rank.V, 1e-12, $"{name} V");
        AssertClose(c.GetProperty("wilcoxon_p").GetDouble(), rank.PValue, 1e-10, $"{name} signed-rank p");
        Assert.Equal(c.GetProperty("wilcoxon_exact").GetBoolean(), rank.IsExact);
        Assert.Equal(c.GetProperty("wilcoxon_n").GetInt32(), rank.N);
    }

    // Seeded simulation: the 95 % paired interval covers the true mean change about 95 % of the time (2,000 samples of 30 pairs).
    [Fact]
    public void MeanChange_Simulation_IntervalCoversTheTrueChange()
    {
        var random = new Random(20261206);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var covered = 0;
        const int samples = 2000;
        for (var s = 0; s < samples; s++)
        {
            var before = Enumerable.Range(0, 30).Select(_ => 3 + Normal()).ToArray();
            var after = before.Select(b => b + 0.4 + 0.7 * Normal()).ToArray();
            var interval = PairedChanges.MeanChange(before, after).Interval;
            if (interval.Lower <= 0.4 && 0.4 <= interval.Upper) covered++;
        }
        Assert.InRange(covered / (double)samples, 0.935, 0.965);
    }

    [Fact]
    public void MeanChange_OnePairOrSameChange_FrenchError()
    {
        Assert.Contains("au moins deux participants", Assert.Throws<StatisticsException>(() => PairedChanges.MeanChange([1, double.NaN], [2, 3])).Message);
        Assert.Contains("même évolution", Assert.Throws<StatisticsException>(() => PairedChanges.MeanChange([1, 2, 3], [2, 3, 4])).Message);
        Assert.Contains("Aucun participant n'a changé", Assert.Throws<StatisticsException>(() => PairedChanges.SignedRank([1, 2], [1, 2])).Message);
    }
}

using Xunit;
using static ImpactEval.Statistics.Tests.ReferenceFixture;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// The percentile rule applied to bootstrap replicates. Expected values: Fixtures/design/bootstrap.json
/// ("percentile"), from boot:::norm.inter(t, (1 ± conf)/2) — the rule of boot.ci(type = "perc") —
/// on fixed vectors of R = 999, 500, 200, 39 and 20 replicates (the last one uses extreme order statistics).
/// </summary>
public class BootstrapIntervalTests
{
    private static readonly System.Text.Json.JsonElement Fixture = Load("design/bootstrap.json");

    [Fact]
    public void Percentile_BootNormInterCases_MatchR()
    {
        foreach (var c in Fixture.GetProperty("percentile").EnumerateArray())
        {
            var t = Doubles(c.GetProperty("t"));
            var ci = BootstrapInterval.Percentile(t, c.D("conf"), out var extremes);
            AssertClose(c.D("lower"), ci.Lower, 1e-12, $"lower R={t.Length}");
            AssertClose(c.D("upper"), ci.Upper, 1e-12, $"upper R={t.Length}");
            // boot warns "extreme order statistics used as endpoints" unless 1 < (R + 1) a < R for both tails.
            var r = t.Length;
            var lowerRank = (r + 1) * ((1 - c.D("conf")) / 2);
            var upperRank = (r + 1) * ((1 + c.D("conf")) / 2);
            Assert.Equal(!(lowerRank > 1 && lowerRank < r && upperRank > 1 && upperRank < r), extremes);
        }
    }

    [Fact]
    public void Percentile_NonFiniteReplicatesIgnored_AsBoot()
    {
        var c = Fixture.GetProperty("percentile")[0];
        var t = Doubles(c.GetProperty("t")).Concat([double.NaN, double.PositiveInfinity]).ToArray();
        var ci = BootstrapInterval.Percentile(t, c.D("conf"), out _);
        AssertClose(c.D("lower"), ci.Lower, 1e-12, "lower");
    }

    [Fact]
    public void Percentile_OneFiniteReplicate_ThrowsFrench()
    {
        var ex = Assert.Throws<StatisticsException>(() => BootstrapInterval.Percentile([1.0, double.NaN], 0.95, out _));
        Assert.Contains("deux réplications", ex.Message);
    }
}

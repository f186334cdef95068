using System.Globalization;
using System.Text.Json;
using Xunit;

namespace ImpactEval.Statistics.Tests;

/// <summary>
/// The generator behind every seeded bootstrap must produce the same stream forever. Expected
/// streams: Fixtures/design/prng.json, computed by an independent Python implementation
/// (Reference/design_prng.py) of SplitMix64 seeding, xoshiro256** and Lemire's bounded integers.
/// </summary>
public class Xoshiro256StarStarTests
{
    private static readonly JsonElement Fixture = ReferenceFixture.Load("design/prng.json");

    [Fact]
    public void NextUInt64_AllFixtureSeeds_MatchesPythonReference()
    {
        foreach (var s in Fixture.GetProperty("streams").EnumerateArray())
        {
            var seed = ulong.Parse(s.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture);
            var rng = new Xoshiro256StarStar(seed);
            foreach (var expected in s.GetProperty("uint64").EnumerateArray())
            {
                Assert.Equal(ulong.Parse(expected.GetString()!, CultureInfo.InvariantCulture), rng.NextUInt64());
            }
        }
    }

    [Fact]
    public void NextIntAndNextDouble_AllFixtureSeeds_MatchPythonReference()
    {
        foreach (var s in Fixture.GetProperty("streams").EnumerateArray())
        {
            var seed = ulong.Parse(s.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture);
            foreach (var (name, bound) in new[] { ("int30", 30), ("int7", 7), ("int_max", int.MaxValue) })
            {
                var rng = new Xoshiro256StarStar(seed);
                foreach (var expected in s.GetProperty(name).EnumerateArray())
                {
                    Assert.Equal(expected.GetInt64(), rng.NextInt(bound));
                }
            }
            var g = new Xoshiro256StarStar(seed);
            foreach (var expected in s.GetProperty("doubles").EnumerateArray())
            {
                Assert.Equal(expected.GetDouble(), g.NextDouble());
            }
        }
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_HasMeanZeroAndUnitVariance()
    {
        // Property check of the polar method: 200,000 draws, mean within 5 SE of 0 and variance within 1 %.
        var rng = new Xoshiro256StarStar(123);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var z = rng.NextStandardNormal();
            sum += z;
            sumSq += z * z;
        }
        var mean = sum / n;
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(sumSq / n - mean * mean, 0.99, 1.01);
    }

    [Fact]
    public void NextInt_BoundBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Xoshiro256StarStar(1).NextInt(0));
    }
}

namespace ImpactEval.Collection.Synthetic;

/// <summary>
/// A tiny seeded generator (SplitMix64, Steele, Lea &amp; Flood 2014) whose sequence never changes across
/// .NET versions or machines, so that synthetic data is identical everywhere for a given seed.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;
    private double? spareNormal;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);

    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal by the polar Box–Muller method.</summary>
    public double Normal()
    {
        if (spareNormal is { } spare) { spareNormal = null; return spare; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>Poisson draw by inversion (small means).</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = NextDouble();
        while (product > limit) { k++; product *= NextDouble(); }
        return k;
    }
}

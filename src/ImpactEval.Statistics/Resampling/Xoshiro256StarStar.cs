namespace ImpactEval.Statistics;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman &amp; Vigna 2018) seeded through SplitMix64:
/// a small, fast generator whose whole stream is fixed by this code, so that a seeded resampling
/// gives bit-identical results on every machine and every .NET version (unlike
/// <see cref="System.Random"/>, whose algorithm is an implementation detail).
/// </summary>
/// <remarks>
/// Seeding: the four 64-bit state words are the first four outputs of SplitMix64 started at
/// <c>seed</c>. <see cref="NextInt"/> uses Lemire's (2019) multiply-and-reject method, so bounded
/// integers are exactly uniform and depend only on integer arithmetic. <see cref="NextDouble"/> takes
/// the top 53 bits. <see cref="NextStandardNormal"/> uses Marsaglia's polar method, which calls
/// <see cref="Math.Log(double)"/>; it is deterministic on a given platform but, unlike the integer methods,
/// could differ in the last bit between math libraries. Not for cryptography. Not thread-safe.
/// </remarks>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a generator whose stream is determined by <paramref name="seed"/> alone.</summary>
    /// <param name="seed">Any 64-bit value (0 is fine: SplitMix64 expands it).</param>
    public Xoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, <paramref name="exclusiveBound"/>), exactly uniform (Lemire's method).</summary>
    /// <param name="exclusiveBound">Upper bound, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bound is below 1.</exception>
    public int NextInt(int exclusiveBound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveBound, 1);
        var s = (ulong)exclusiveBound;
        var high = Math.BigMul(NextUInt64(), s, out var low);
        if (low < s)
        {
            var threshold = (0UL - s) % s;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), s, out low);
            }
        }
        return (int)high;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Standard normal draw (Marsaglia's polar method; pairs are cached).</summary>
    public double NextStandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

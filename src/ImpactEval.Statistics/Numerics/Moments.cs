namespace ImpactEval.Statistics.Numerics;

/// <summary>Sample means, variances and type-7 quantiles over spans, computed as R computes them (two-pass mean).</summary>
internal static class Moments
{
    /// <summary>Arithmetic mean, with R's second-pass correction for rounding.</summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += v;
        var mean = sum / x.Length;
        var correction = 0.0;
        foreach (var v in x) correction += v - mean;
        return mean + correction / x.Length;
    }

    /// <summary>Sample variance (denominator n − 1) around a given mean.</summary>
    public static double Variance(ReadOnlySpan<double> x, double mean)
    {
        var ss = 0.0;
        foreach (var v in x)
        {
            var d = v - mean;
            ss += d * d;
        }
        return ss / (x.Length - 1);
    }

    /// <summary>R's quantile(type = 7) of sorted values: (1 − h)·x[lo] + h·x[hi] at index 1 + (n − 1)·prob.</summary>
    public static double QuantileType7(ReadOnlySpan<double> sorted, double prob)
    {
        var index = (sorted.Length - 1) * prob;
        var lo = (int)Math.Floor(index);
        var hi = (int)Math.Ceiling(index);
        var h = index - lo;
        var q = sorted[lo];
        return hi == lo || sorted[hi] == q ? q : (1 - h) * q + h * sorted[hi];
    }
}

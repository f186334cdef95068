using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Confidence intervals computed from bootstrap replicates.</summary>
public static class BootstrapInterval
{
    /// <summary>
    /// Percentile interval with the order-statistic rule of R's <c>boot.ci(type = "perc")</c>
    /// (<c>boot:::norm.inter</c>): for tail probability a the endpoint is the ((R + 1) a)-th order
    /// statistic, interpolated on the normal-quantile scale between neighbours when (R + 1) a is not
    /// an integer, and the extreme replicate when it falls outside [1, R].
    /// </summary>
    /// <param name="replicates">Bootstrap replicates; non-finite values are ignored as <c>boot</c> does.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="usedExtremes">True when an endpoint had to be the smallest or largest replicate (too few replicates for the level).</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    /// <exception cref="StatisticsException">Fewer than two finite replicates.</exception>
    public static ConfidenceInterval Percentile(ReadOnlySpan<double> replicates, double level, out bool usedExtremes)
    {
        ConfidenceInterval.CheckLevel(level);
        var sorted = new double[replicates.Length];
        var count = 0;
        foreach (var t in replicates)
        {
            if (double.IsFinite(t)) sorted[count++] = t;
        }
        if (count < 2)
        {
            throw new StatisticsException(
                $"Un intervalle bootstrap demande au moins deux réplications valides ({count} disponible(s)).");
        }
        Array.Sort(sorted, 0, count);
        var sortedSpan = sorted.AsSpan(0, count);
        var lower = Endpoint(sortedSpan, (1 - level) / 2, out var extremeLower);
        var upper = Endpoint(sortedSpan, (1 + level) / 2, out var extremeUpper);
        usedExtremes = extremeLower || extremeUpper;
        return new ConfidenceInterval(lower, upper, level);
    }

    private static double Endpoint(ReadOnlySpan<double> sorted, double alpha, out bool extreme)
    {
        var r = sorted.Length;
        var rk = (r + 1) * alpha;
        extreme = !(rk > 1 && rk < r);
        var k = (int)Math.Truncate(rk);
        if (k == rk) return sorted[Math.Clamp(k, 1, r) - 1];
        if (k <= 0) return sorted[0];
        if (k >= r) return sorted[r - 1];
        var za = NormalDistribution.Quantile(alpha);
        var zk = NormalDistribution.Quantile((double)k / (r + 1));
        var zk1 = NormalDistribution.Quantile((double)(k + 1) / (r + 1));
        var tk = sorted[k - 1];
        var tk1 = sorted[k];
        return tk + (za - zk) / (zk1 - zk) * (tk1 - tk);
    }
}

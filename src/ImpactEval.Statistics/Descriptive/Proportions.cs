using ImpactEval.Statistics.Contrasts;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>Confidence intervals for a single proportion.</summary>
public static class Proportions
{
    /// <summary>
    /// The proportion <paramref name="count"/> / <paramref name="total"/> with its Wilson score
    /// interval (Wilson 1927), without continuity correction.
    /// </summary>
    /// <param name="count">Number of observations with the attribute, in [0, total].</param>
    /// <param name="total">Number of observations, at least 1.</param>
    /// <param name="level">Confidence level in (0, 1); default 0.95.</param>
    /// <returns>The proportion and its interval, clipped to [0, 1] as R does.</returns>
    /// <exception cref="StatisticsException"><paramref name="total"/> is 0 (no observation).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or larger than the total, or the level is outside (0, 1).</exception>
    /// <remarks>
    /// Follows R's <c>prop.test(count, total, correct = FALSE)$conf.int</c> (equal to
    /// <c>binom::binom.wilson</c>). Unlike the Wald interval it keeps good coverage for small totals
    /// and for proportions near 0 or 1, and it never leaves [0, 1].
    /// </remarks>
    public static Proportion Wilson(int count, int total, double level = 0.95)
    {
        ConfidenceInterval.CheckLevel(level);
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), total, "The total cannot be negative.");
        if (count < 0 || count > total)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must lie between 0 and the total.");
        if (total == 0)
            throw new StatisticsException("Aucune observation : la proportion et son intervalle de confiance ne peuvent pas être calculés.");
        var p = (double)count / total;
        return new Proportion(count, total, p, WilsonInterval(count, total, level),
            "Wilson score interval (prop.test, correct = FALSE)");
    }

    /// <summary>Wilson score interval for count / total (total &gt; 0).</summary>
    internal static ConfidenceInterval WilsonInterval(int count, int total, double level)
    {
        var n = (double)total;
        var p = count / n;
        var z = NormalDistribution.CriticalValue(level);
        var z22n = z * z / (2 * n);
        var root = z * Math.Sqrt(p * (1 - p) / n + z22n / (2 * n));
        var lower = (p + z22n - root) / (1 + 2 * z22n);
        var upper = (p + z22n + root) / (1 + 2 * z22n);
        return new ConfidenceInterval(Math.Max(lower, 0.0), Math.Min(upper, 1.0), level);
    }
}

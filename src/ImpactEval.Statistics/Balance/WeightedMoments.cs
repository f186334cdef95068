namespace ImpactEval.Statistics;

/// <summary>
/// Weighted means and variances with the conventions of R's <c>cobalt</c>
/// (<c>col_w_mean</c>, <c>col_w_sd</c>): values that are NaN are skipped together with their weight.
/// </summary>
/// <remarks>
/// Continuous variable: with normalised weights w̃ = w / Σw, var = Σ w̃ (x − x̄_w)² / (1 − Σ w̃²), the
/// unbiased "reliability weights" variance; with equal weights it is the ordinary n − 1 variance.
/// Binary (0/1) variable: var = p (1 − p) with p the weighted proportion, without any n − 1
/// correction (cobalt does the same, weighted or not).
/// </remarks>
public static class WeightedMoments
{
    /// <summary>Weighted mean Σwx / Σw over non-missing values (cobalt <c>col_w_mean</c>).</summary>
    /// <param name="values">Values; NaN is skipped.</param>
    /// <param name="weights">Non-negative weights aligned with values; empty for equal weights.</param>
    /// <exception cref="ArgumentException">Lengths differ or a weight is negative/NaN.</exception>
    /// <exception cref="StatisticsException">No non-missing value with a positive weight.</exception>
    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights = default)
    {
        Check(values, weights);
        double sw = 0, swx = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var w = weights.IsEmpty ? 1.0 : weights[i];
            sw += w;
            swx += w * values[i];
        }
        if (!(sw > 0)) throw new StatisticsException("Aucune valeur renseignée avec un poids positif : la moyenne pondérée n'est pas définie.");
        return swx / sw;
    }

    /// <summary>Weighted variance as cobalt computes it (see remarks); <paramref name="binary"/> selects p(1 − p).</summary>
    /// <param name="values">Values; NaN is skipped.</param>
    /// <param name="weights">Non-negative weights; empty for equal weights.</param>
    /// <param name="binary">True for a 0/1 variable.</param>
    /// <exception cref="ArgumentException">Lengths differ or a weight is negative/NaN.</exception>
    /// <exception cref="StatisticsException">Fewer than two non-missing values with a positive weight.</exception>
    public static double Variance(ReadOnlySpan<double> values, ReadOnlySpan<double> weights = default, bool binary = false)
    {
        Check(values, weights);
        double sw = 0, sw2 = 0, swx = 0;
        var positive = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var w = weights.IsEmpty ? 1.0 : weights[i];
            sw += w;
            sw2 += w * w;
            swx += w * values[i];
            if (w > 0) positive++;
        }
        if (positive < 2) throw new StatisticsException("Moins de deux valeurs renseignées avec un poids positif : la variance n'est pas définie.");
        var mean = swx / sw;
        if (binary) return mean * (1 - mean);
        var ss = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var w = weights.IsEmpty ? 1.0 : weights[i];
            ss += w / sw * (values[i] - mean) * (values[i] - mean);
        }
        return ss / (1 - sw2 / (sw * sw));
    }

    /// <summary>Square root of <see cref="Variance"/> (cobalt <c>col_w_sd</c>).</summary>
    /// <param name="values">Values; NaN is skipped.</param>
    /// <param name="weights">Non-negative weights; empty for equal weights.</param>
    /// <param name="binary">True for a 0/1 variable.</param>
    /// <exception cref="ArgumentException">Lengths differ or a weight is negative/NaN.</exception>
    /// <exception cref="StatisticsException">Fewer than two non-missing values with a positive weight.</exception>
    public static double StandardDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights = default, bool binary = false) =>
        Math.Sqrt(Variance(values, weights, binary));

    private static void Check(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (!weights.IsEmpty && weights.Length != values.Length)
            throw new ArgumentException("values and weights must have the same length.", nameof(weights));
        foreach (var w in weights)
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException($"Weight {w} is not a finite non-negative number.", nameof(weights));
    }
}

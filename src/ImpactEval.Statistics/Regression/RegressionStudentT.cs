using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Regression;

/// <summary>
/// Student t tail probabilities and quantiles for regression tables, with the normal distribution
/// for infinite degrees of freedom and NaN for missing ones (R's NA).
/// </summary>
internal static class RegressionStudentT
{
    /// <summary>Two-sided p-value 2·P(T &gt; |t|), as R's <c>2 * pt(abs(t), df, lower.tail = FALSE)</c>.</summary>
    public static double TwoSidedPValue(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        double a = -Math.Abs(t);
        double lower = double.IsPositiveInfinity(df) ? Normal.CDF(0, 1, a) : StudentT.CDF(0, 1, df, a);
        return Math.Min(1.0, 2 * lower);
    }

    /// <summary>Quantile of order <paramref name="probability"/> (R's <c>qt(probability, df)</c>).</summary>
    public static double Quantile(double probability, double df)
    {
        if (double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return Normal.InvCDF(0, 1, probability);
        double q = StudentT.InvCDF(0, 1, df, probability);
        // Two Newton steps on the CDF sharpen MathNet's root-finder result to full precision.
        for (int step = 0; step < 2; step++)
        {
            double f = StudentT.CDF(0, 1, df, q) - probability;
            double d = StudentT.PDF(0, 1, df, q);
            if (d <= 0) break;
            q -= f / d;
        }
        return q;
    }
}

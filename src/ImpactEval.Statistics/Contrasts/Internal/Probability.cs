using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Contrasts;

/// <summary>Tail probabilities and quantiles computed without cancellation (R's lower.tail = FALSE).</summary>
internal static class Probability
{
    /// <summary>Two-sided p-value 2·P(T &gt; |t|) for Student's t; a normal reference when df is infinite.</summary>
    public static double StudentTwoSided(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return NormalTwoSided(t);
        if (double.IsInfinity(t)) return 0.0;
        return SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t * t));
    }

    /// <summary>Two-sided p-value 2·P(Z &gt; |z|) for the standard normal.</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>P(T ≤ t) for Student's t with df degrees of freedom.</summary>
    public static double StudentCdf(double t, double df)
    {
        if (double.IsPositiveInfinity(df)) return Normal.CDF(0.0, 1.0, t);
        var half = 0.5 * SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t * t));
        return t > 0 ? 1.0 - half : half;
    }

    /// <summary>Quantile of Student's t (R's qt), polished by Newton steps on the exact CDF.</summary>
    public static double StudentQuantile(double p, double df)
    {
        if (double.IsPositiveInfinity(df)) return NormalQuantile(p);
        var q = StudentT.InvCDF(0.0, 1.0, df, p);
        for (var i = 0; i < 4; i++)
        {
            var density = StudentT.PDF(0.0, 1.0, df, q);
            if (density <= 0) break;
            var step = (StudentCdf(q, df) - p) / density;
            q -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1.0, Math.Abs(q))) break;
        }
        return q;
    }

    /// <summary>Quantile of the standard normal (R's qnorm).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0.0, 1.0, p);

    /// <summary>Upper tail P(X² &gt; x) of the chi-square distribution.</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);

    /// <summary>Upper tail P(F &gt; f) of the F distribution with (d1, d2) degrees of freedom.</summary>
    public static double FUpper(double f, double d1, double d2) =>
        f <= 0 ? 1.0 : SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f));
}

using ImpactEval.Statistics.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics;

/// <summary>
/// Central t tails and quantiles accurate for any positive df, and tail probabilities of the
/// noncentral t and noncentral F distributions, which MathNet.Numerics does not provide (its
/// <c>StudentT.InvCDF</c> fails below about 0.8 df and loses digits beyond 10⁶ df). Both are Poisson mixtures of regularized incomplete beta functions
/// (Lenth 1989, AS 243, for t; Patnaik 1949 / AS 226 for F), summed here from j = 0 until the
/// Poisson weights are negligible, with the weights computed in log space.
/// </summary>
internal static class DesignDistributions
{
    private const double NegligibleWeight = 1e-18;

    /// <summary>P(T ≤ t) for T ~ t(df, ncp), as R's <c>pt(t, df, ncp)</c>.</summary>
    public static double TCdf(double t, double df, double ncp)
    {
        if (double.IsNaN(t) || double.IsNaN(df) || double.IsNaN(ncp) || df <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(df), "Degrees of freedom must be positive and finite.");
        }
        return t >= 0 ? LowerForNonNegative(t, df, ncp) : 1.0 - LowerForNonNegative(-t, df, -ncp);
    }

    /// <summary>P(T &gt; t) for T ~ t(df, ncp), as R's <c>pt(t, df, ncp, lower.tail = FALSE)</c>.</summary>
    public static double TUpperTail(double t, double df, double ncp)
    {
        if (double.IsNaN(t) || double.IsNaN(df) || double.IsNaN(ncp) || df <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(df), "Degrees of freedom must be positive and finite.");
        }
        return t >= 0 ? 1.0 - LowerForNonNegative(t, df, ncp) : LowerForNonNegative(-t, df, -ncp);
    }

    /// <summary>
    /// Power of the two-sided t test at level <paramref name="alpha"/> when the test statistic is
    /// t(df, ncp): P(T &gt; q) + P(T &lt; −q) with q = t(1 − α/2; df), as pwr and PowerUpR compute it.
    /// </summary>
    public static double TwoSidedTPower(double ncp, double df, double alpha)
    {
        var q = TQuantile(1 - alpha / 2, df);
        if (double.IsPositiveInfinity(q)) return 0;
        return TUpperTail(q, df, ncp) + TCdf(-q, df, ncp);
    }

    /// <summary>P(T &gt; t) for a central t on df degrees of freedom (any df &gt; 0), as R's <c>pt(t, df, lower.tail = FALSE)</c>.</summary>
    public static double CentralTUpperTail(double t, double df)
    {
        if (t < 0) return 1.0 - CentralTUpperTail(-t, df);
        if (df > 1e12) return 0.5 * SpecialFunctions.Erfc(t / Math.Sqrt(2));
        var t2 = t * t;
        // ½ I_x(df/2, ½) with x = df / (df + t²); through the complement when x is close to 1, so that
        // 1 − x = t² / (df + t²) keeps its digits.
        return t2 < df
            ? 0.5 * (1.0 - SpecialFunctions.BetaRegularized(0.5, df / 2, t2 / (df + t2)))
            : 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t2));
    }

    /// <summary>Quantile of the central t distribution, as R's <c>qt(p, df)</c>; ±∞ beyond double range.</summary>
    public static double TQuantile(double p, double df)
    {
        if (!(p > 0 && p < 1) || !(df > 0)) throw new ArgumentOutOfRangeException(nameof(p), "p must be in (0, 1) and df positive.");
        if (p == 0.5) return 0;
        if (p < 0.5) return -TQuantile(1 - p, df);
        var target = 1 - p;
        var lower = 0.0;
        var upper = Math.Max(1.0, 2 * Normal.InvCDF(0, 1, p));
        while (CentralTUpperTail(upper, df) > target)
        {
            lower = upper;
            upper *= 2;
            if (upper > 1e300) return double.PositiveInfinity;
        }
        return RootFinder.Brent(t => CentralTUpperTail(t, df) - target, lower, upper, 1e-15);
    }

    /// <summary>P(F &gt; f) for F ~ F(df1, df2, ncp), as R's <c>pf(f, df1, df2, ncp, lower.tail = FALSE)</c>.</summary>
    public static double FUpperTail(double f, double df1, double df2, double ncp)
    {
        if (f <= 0) return 1.0;
        // P(F > f) = Σ_j Pois(j; ncp/2) · I_{1−y}(df2/2, df1/2 + j), y = df1 f / (df1 f + df2).
        var oneMinusY = df2 / (df1 * f + df2);
        var lambda = ncp / 2;
        if (lambda == 0) return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, oneMinusY);
        var logLambda = Math.Log(lambda);
        var sum = 0.0;
        for (var j = 0; j < 100_000; j++)
        {
            var weight = Math.Exp(-lambda + j * logLambda - SpecialFunctions.GammaLn(j + 1.0));
            sum += weight * SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2 + j, oneMinusY);
            if (j > lambda && weight < NegligibleWeight) break;
        }
        return Math.Min(1.0, sum);
    }

    /// <summary>F(t) for t ≥ 0 by Lenth's series; ncp of either sign.</summary>
    private static double LowerForNonNegative(double t, double df, double ncp)
    {
        if (Math.Abs(ncp) > 37.62)
        {
            // R's pnt switches to this normal approximation where e^(−ncp²/2) underflows.
            var s = 1.0 / (4.0 * df);
            return Normal.CDF(ncp, Math.Sqrt(1 + t * t * 2 * s), t * (1 - s));
        }
        var baseline = Normal.CDF(0, 1, -ncp);
        if (t == 0) return baseline;
        var t2 = t * t;
        var x = double.IsPositiveInfinity(t2) ? 1.0 : t2 / (t2 + df);
        var lambda = ncp * ncp / 2;
        var halfDf = df / 2;
        if (lambda == 0) return baseline + 0.5 * SpecialFunctions.BetaRegularized(0.5, halfDf, x);
        var logLambda = Math.Log(lambda);
        var logAbsNcp = Math.Log(Math.Abs(ncp));
        var sign = Math.Sign(ncp);
        var sum = 0.0;
        for (var j = 0; j < 100_000; j++)
        {
            var logCommon = -lambda + j * logLambda;
            var p = Math.Exp(logCommon - SpecialFunctions.GammaLn(j + 1.0));
            var q = sign * Math.Exp(logCommon + logAbsNcp - 0.5 * Math.Log(2.0) - SpecialFunctions.GammaLn(j + 1.5));
            sum += p * SpecialFunctions.BetaRegularized(j + 0.5, halfDf, x)
                 + q * SpecialFunctions.BetaRegularized(j + 1.0, halfDf, x);
            if (j > lambda && p + Math.Abs(q) < NegligibleWeight) break;
        }
        return Math.Clamp(baseline + 0.5 * sum, 0.0, 1.0);
    }
}

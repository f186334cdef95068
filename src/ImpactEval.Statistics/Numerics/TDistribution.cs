using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Student's t distribution, central and noncentral, for every t-based test, interval and power
/// calculation of the library (R's <c>pt</c> and <c>qt</c>). MathNet.Numerics is not used for these:
/// its <c>StudentT.InvCDF</c> throws below about 0.45 df (a NonConvergenceException for the 97.5 %
/// quantile on 0.3 df), is wrong from the seventh digit on 10⁹ df, and it has no noncentral t.
/// </summary>
/// <remarks>
/// The central tail is the regularized incomplete beta function, taken through its complement near
/// the centre so that p-values near 1 keep their digits and directly in the tail so that small
/// p-values keep theirs (R's <c>pt</c> gets both from <c>pbeta</c>'s two tails); the quantile inverts
/// that tail with <see cref="RootFinder.Brent"/>, so it holds for any df &gt; 0. The noncentral t
/// distribution function is Lenth's (1989, AS 243) Poisson mixture of incomplete beta functions,
/// summed from j = 0 until the weights are negligible, with the weights in log space; beyond
/// |ncp| = 37.62 it switches, as R's <c>pnt</c> does, to a normal approximation. An infinite df
/// means the standard normal reference (a Wald z).
/// </remarks>
internal static class TDistribution
{
    private const double NegligibleWeight = 1e-18;

    /// <summary>P(T &gt; t) for a central t on df degrees of freedom (any df &gt; 0, +∞ for the normal), as R's <c>pt(t, df, lower.tail = FALSE)</c>.</summary>
    public static double UpperTail(double t, double df)
    {
        if (t < 0) return 1.0 - UpperTail(-t, df);
        if (df > 1e12) return 0.5 * SpecialFunctions.Erfc(t / Math.Sqrt(2));
        var t2 = t * t;
        // P(T > t) = ½ I_x(df/2, ½) = ½ (1 − I_y(½, df/2)), x = df / (df + t²), y = t² / (df + t²) = 1 − x.
        // Both arguments are formed directly, so each keeps its digits, and the form is chosen so that
        // MathNet's continued fraction runs on the argument given (it would otherwise switch to 1 − x,
        // computed from the rounded x): the complement near the centre, where the result is not small
        // (absolute accuracy for quantiles and power), the direct form in the tail (relative accuracy
        // for small p-values). The switch is MathNet's own, y = (a + 1) / (a + b + 2) for I_y(½, df/2).
        var y = t2 / (df + t2);
        return y < 1.5 / (df / 2 + 2.5)
            ? 0.5 * (1.0 - SpecialFunctions.BetaRegularized(0.5, df / 2, y))
            : 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t2));
    }

    /// <summary>
    /// Two-sided p-value 2·P(T &gt; |t|), as R's <c>2 * pt(abs(t), df, lower.tail = FALSE)</c>; the
    /// normal one when df is infinite, NaN when t or df is NaN (R's NA).
    /// </summary>
    public static double TwoSidedPValue(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return NormalDistribution.TwoSidedPValue(t);
        return 2 * UpperTail(Math.Abs(t), df);
    }

    /// <summary>
    /// Quantile of order <paramref name="p"/>, as R's <c>qt(p, df)</c>: the normal quantile when df is
    /// infinite, NaN when df is NaN, ±∞ beyond the range of doubles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is outside (0, 1) or df is not positive.</exception>
    public static double Quantile(double p, double df)
    {
        if (double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return NormalDistribution.Quantile(p);
        if (!(p > 0 && p < 1) || !(df > 0)) throw new ArgumentOutOfRangeException(nameof(p), "p must be in (0, 1) and df positive.");
        if (p == 0.5) return 0;
        if (p < 0.5) return -Quantile(1 - p, df);
        var target = 1 - p;
        var lower = 0.0;
        var upper = Math.Max(1.0, 2 * Normal.InvCDF(0, 1, p));
        while (UpperTail(upper, df) > target)
        {
            lower = upper;
            upper *= 2;
            if (upper > 1e300) return double.PositiveInfinity;
        }
        return RootFinder.Brent(t => UpperTail(t, df) - target, lower, upper, 1e-15);
    }

    /// <summary>
    /// The multiplier of a two-sided interval at confidence <paramref name="level"/>: the quantile of
    /// order 1 − (1 − level)/2 (the normal one, z, when df is infinite).
    /// </summary>
    public static double CriticalValue(double level, double df) => Quantile(1 - (1 - level) / 2, df);

    /// <summary>P(T ≤ t) for T ~ t(df, ncp), as R's <c>pt(t, df, ncp)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN or df is not positive.</exception>
    public static double NoncentralCdf(double t, double df, double ncp)
    {
        CheckNoncentral(t, df, ncp);
        return t >= 0 ? LowerForNonNegative(t, df, ncp) : 1.0 - LowerForNonNegative(-t, df, -ncp);
    }

    /// <summary>P(T &gt; t) for T ~ t(df, ncp), as R's <c>pt(t, df, ncp, lower.tail = FALSE)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN or df is not positive.</exception>
    public static double NoncentralUpperTail(double t, double df, double ncp)
    {
        CheckNoncentral(t, df, ncp);
        return t >= 0 ? 1.0 - LowerForNonNegative(t, df, ncp) : LowerForNonNegative(-t, df, -ncp);
    }

    /// <summary>
    /// Power of the two-sided t test at level <paramref name="alpha"/> when the test statistic is
    /// t(df, ncp): P(T &gt; q) + P(T &lt; −q) with q = t(1 − α/2; df), as pwr and PowerUpR compute it.
    /// </summary>
    public static double TwoSidedPower(double ncp, double df, double alpha)
    {
        var q = Quantile(1 - alpha / 2, df);
        if (double.IsPositiveInfinity(q)) return 0;
        return NoncentralUpperTail(q, df, ncp) + NoncentralCdf(-q, df, ncp);
    }

    /// <summary>
    /// The noncentrality δ such that P(T ≤ <paramref name="t"/>; df, δ) = <paramref name="probability"/>
    /// (the distribution function decreases in δ, so the root is unique): the pivot that turns an
    /// observed t into a confidence interval for a standardised difference (Steiger and Fouladi 1997).
    /// </summary>
    public static double NoncentralityAt(double t, double df, double probability)
    {
        double F(double delta) => NoncentralCdf(t, df, delta) - probability;
        double lower = t - 10, upper = t + 10;
        while (F(lower) < 0) lower -= 10;
        while (F(upper) > 0) upper += 10;
        return RootFinder.Brent(F, lower, upper, 1e-13);
    }

    private static void CheckNoncentral(double t, double df, double ncp)
    {
        if (double.IsNaN(t) || double.IsNaN(df) || double.IsNaN(ncp) || df <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(df), "Degrees of freedom must be positive and finite.");
        }
    }

    // F(t; ν, δ) for t ≥ 0: Φ(−δ) + ½ Σ_j [P_j I_x(j+½, ν/2) + Q_j I_x(j+1, ν/2)], x = t²/(t²+ν),
    // P_j = e^{−λ} λ^j / j!, Q_j = e^{−λ} λ^j δ / (√2 Γ(j+3/2)), λ = δ²/2; ncp of either sign.
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

using MathNet.Numerics;

namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Upper tail of the F distribution, central (ANOVA F tests) and noncentral (ANOVA power), which
/// MathNet.Numerics does not provide: a Poisson mixture of regularized incomplete beta functions
/// (Patnaik 1949 / AS 226) summed from j = 0 until the Poisson weights are negligible, with the
/// weights computed in log space; and the central quantile, by inverting that tail.
/// </summary>
/// <remarks>
/// MathNet's <c>FisherSnedecor.InvCDF</c> is not used: it searches the quantile in [0, 1000] only and
/// throws a NonConvergenceException beyond (qf(1 − 0.0005, 1, 2) = 1998.5, the critical value of a
/// two-group ANOVA with two individuals per group at α = 0.0005). <see cref="UpperQuantile"/> brackets
/// the root by doubling and refines it with <see cref="RootFinder.Brent"/>, as
/// <see cref="TDistribution.Quantile"/> does.
/// </remarks>
internal static class FDistribution
{
    private const double NegligibleWeight = 1e-18;

    /// <summary>
    /// P(F &gt; f) for F ~ F(df1, df2, ncp), as R's <c>pf(f, df1, df2, ncp, lower.tail = FALSE)</c>;
    /// the central distribution when <paramref name="ncp"/> is 0.
    /// </summary>
    public static double UpperTail(double f, double df1, double df2, double ncp = 0)
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

    /// <summary>
    /// The f with P(F &gt; f) = <paramref name="upperProbability"/> for a central F(df1, df2), as R's
    /// <c>qf(upperProbability, df1, df2, lower.tail = FALSE)</c>: the critical value of an F test at
    /// level α = <paramref name="upperProbability"/>; +∞ beyond the range of doubles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside (0, 1) or a df is not positive.</exception>
    public static double UpperQuantile(double upperProbability, double df1, double df2)
    {
        if (!(upperProbability > 0 && upperProbability < 1) || !(df1 > 0) || !(df2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(upperProbability), "The probability must be in (0, 1) and both df positive.");
        }
        // P(F > f) decreases from 1 at f = 0 to 0: double an upper bound until the tail is below the target.
        var lower = 0.0;
        var upper = 1.0;
        while (UpperTail(upper, df1, df2) > upperProbability)
        {
            lower = upper;
            upper *= 2;
            if (upper > 1e300) return double.PositiveInfinity;
        }
        // No absolute tolerance: Brent's relative term (4ε|f|) alone, since the quantile may be far below 1.
        return RootFinder.Brent(f => UpperTail(f, df1, df2) - upperProbability, lower, upper, 0);
    }
}

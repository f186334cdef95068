using MathNet.Numerics;

namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Upper tail of the F distribution, central (ANOVA F tests) and noncentral (ANOVA power), which
/// MathNet.Numerics does not provide, and the central quantile, by inverting that tail.
/// </summary>
/// <remarks>
/// <para>The noncentral tail is the Poisson mixture of regularized incomplete beta functions (Patnaik
/// 1949; AS 226), summed as R's <c>pnbeta</c> does: from j₀ = max(0, ⌊λ − 10√λ⌋) (λ = ncp/2; the Poisson
/// mass below carries less than Φ(−10) ≈ 8e-24) upwards until the weights are negligible, the beta
/// function by its recurrence in its second argument and the weights by theirs, normalised by their sum.
/// The work grows as √λ; beyond 10⁸ terms (λ above about 2.5e13) only a tail decided at both ends of the
/// window (≈ 1 or negligible) is returned, otherwise a <see cref="StatisticsException"/> is thrown. For
/// large λ the digits are those of MathNet's incomplete beta function with a large second argument,
/// whose log-gamma differences lose about ε·b·ln b (relative 2e-7 at λ = 10⁸).</para>
/// <para>MathNet's <c>FisherSnedecor.InvCDF</c> is not used: it searches the quantile in [0, 1000] only and
/// throws a NonConvergenceException beyond (qf(1 − 0.0005, 1, 2) = 1998.5, the critical value of a
/// two-group ANOVA with two individuals per group at α = 0.0005). <see cref="UpperQuantile"/> brackets
/// the root by doubling and refines it with <see cref="RootFinder.Brent"/>, as
/// <see cref="TDistribution.Quantile"/> does.</para>
/// </remarks>
internal static class FDistribution
{
    private const double NegligibleWeight = 1e-18;
    private const double WindowHalfWidth = 10;
    private const double MaxTerms = 1e8;

    /// <summary>
    /// P(F &gt; f) for F ~ F(df1, df2, ncp), as R's <c>pf(f, df1, df2, ncp, lower.tail = FALSE)</c>;
    /// the central distribution when <paramref name="ncp"/> is 0.
    /// </summary>
    /// <exception cref="StatisticsException">The noncentrality is so large (above about 5e13) that the sum cannot be carried out and the tail is not decided.</exception>
    public static double UpperTail(double f, double df1, double df2, double ncp = 0)
    {
        if (f <= 0) return 1.0;
        // P(F > f) = Σ_j Pois(j; ncp/2) · I_z(df2/2, df1/2 + j), z = df2 / (df1 f + df2), y = 1 − z.
        var z = df2 / (df1 * f + df2);
        var a = df2 / 2;
        var lambda = ncp / 2;
        if (lambda == 0) return SpecialFunctions.BetaRegularized(a, df1 / 2, z);
        if (double.IsNaN(z) || double.IsNaN(lambda)) return double.NaN;
        if (double.IsPositiveInfinity(lambda)) return 1.0;

        var y = df1 * f / (df1 * f + df2);
        var halfWidth = WindowHalfWidth * Math.Sqrt(lambda);
        var j0 = Math.Max(0, Math.Floor(lambda - halfWidth));
        var b = df1 / 2 + j0;
        // I_z(a, b) increases with b towards 1: a window starting at ≈ 1 decides the tail.
        var beta = SpecialFunctions.BetaRegularized(a, b, z);
        if (1 - beta < 1e-16) return 1.0;
        if (2 * halfWidth > MaxTerms)
        {
            var last = SpecialFunctions.BetaRegularized(a, df1 / 2 + Math.Ceiling(lambda + halfWidth), z);
            if (last < 1e-20) return last;
            throw new StatisticsException(
                $"La non-centralité de la loi F ({FrenchFormat.Number(ncp)}) est trop grande pour un calcul exact de la puissance : réduisez l'effet ou la taille des groupes envisagés.");
        }

        // I_z(a, b + 1) = I_z(a, b) + g(b), g(b) = z^a y^b Γ(a + b) / (Γ(a) Γ(b + 1)), g(b + 1) = g(b) y (a + b) / (b + 1);
        // Poisson weights up to a common factor: u(j0) = 1, u(j + 1) = u(j) λ / (j + 1).
        var logY = Math.Log(y);
        var logIncrement = a * Math.Log(z) + b * logY + SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b + 1);
        double weight = 1, weights = 0, sum = 0;
        for (var j = j0; ; j++)
        {
            weights += weight;
            sum += weight * beta;
            if (j > lambda && weight < NegligibleWeight * weights) break;
            beta = Math.Min(1.0, beta + Math.Exp(logIncrement));
            logIncrement += logY + Math.Log((a + b) / (b + 1));
            b += 1;
            weight *= lambda / (j + 1);
        }
        return Math.Min(1.0, sum / weights);
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

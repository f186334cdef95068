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
}

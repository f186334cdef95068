using MathNet.Numerics;

namespace ImpactEval.Statistics.Numerics;

/// <summary>
/// Upper tail of the F distribution, central (ANOVA F tests) and noncentral (ANOVA power), which
/// MathNet.Numerics does not provide: a Poisson mixture of regularized incomplete beta functions
/// (Patnaik 1949 / AS 226) summed from j = 0 until the Poisson weights are negligible, with the
/// weights computed in log space.
/// </summary>
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
}

using MathNet.Numerics;

namespace ImpactEval.Statistics.Numerics;

/// <summary>Upper tail of the chi-square distribution, for chi-square, Kruskal–Wallis and heterogeneity (Q) tests.</summary>
internal static class ChiSquareDistribution
{
    /// <summary>P(X² &gt; x) on <paramref name="df"/> degrees of freedom, as R's <c>pchisq(x, df, lower.tail = FALSE)</c>.</summary>
    public static double UpperTail(double x, double df) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);
}

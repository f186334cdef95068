using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Contrasts;

/// <summary>Tail probabilities and quantiles computed without cancellation (R's lower.tail = FALSE).</summary>
internal static class Probability
{
    /// <summary>Two-sided p-value 2·P(Z &gt; |z|) for the standard normal.</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>Quantile of the standard normal (R's qnorm).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0.0, 1.0, p);

    /// <summary>Upper tail P(X² &gt; x) of the chi-square distribution.</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);

    /// <summary>Upper tail P(F &gt; f) of the F distribution with (d1, d2) degrees of freedom.</summary>
    public static double FUpper(double f, double d1, double d2) =>
        f <= 0 ? 1.0 : SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f));
}

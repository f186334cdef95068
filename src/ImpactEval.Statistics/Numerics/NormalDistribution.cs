using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ImpactEval.Statistics.Numerics;

/// <summary>The standard normal reference of Wald (z) tests and intervals.</summary>
internal static class NormalDistribution
{
    /// <summary>Two-sided p-value 2·P(Z &gt; |z|) = 2Φ(−|z|), computed through erfc so that it keeps its digits in the tail.</summary>
    public static double TwoSidedPValue(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Quantile of order <paramref name="p"/> (R's <c>qnorm</c>).</summary>
    public static double Quantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The multiplier z of a two-sided interval at confidence <paramref name="level"/>: the quantile of order 1 − (1 − level)/2.</summary>
    public static double CriticalValue(double level) => Quantile(1 - (1 - level) / 2);
}

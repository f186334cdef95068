using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;
using MathNet.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Power, sample size and minimum detectable effect for comparing two proportions, on the
/// arcsine-transformed scale of Cohen's h, as <c>pwr::pwr.2p.test</c> / <c>pwr.2p2n.test</c>:
/// power = Φ(h √(n1 n2 / (n1 + n2)) − z(1 − α/2)) + Φ(−h √(n1 n2 / (n1 + n2)) − z(1 − α/2)).
/// </summary>
/// <remarks>
/// The arcsine transformation makes the variance free of the rates, so one h corresponds to
/// different differences in points at different baselines; the MDE is therefore translated back
/// around a stated baseline rate: p = sin²(asin √p0 ± h / 2). For small clustered samples use a
/// cluster design on the binary outcome's SD instead.
/// </remarks>
public static class TwoProportionPower
{
    /// <summary>Cohen's h between two rates: 2 asin √rate1 − 2 asin √rate2, as <c>pwr::ES.h</c>.</summary>
    /// <param name="rate1">First proportion in [0, 1].</param>
    /// <param name="rate2">Second proportion in [0, 1].</param>
    /// <exception cref="StatisticsException">A rate is outside [0, 1].</exception>
    public static double CohenH(double rate1, double rate2)
    {
        CheckRate(rate1);
        CheckRate(rate2);
        return 2 * Math.Asin(Math.Sqrt(rate1)) - 2 * Math.Asin(Math.Sqrt(rate2));
    }

    /// <summary>Power of the two-sided test for a given h and group sizes.</summary>
    /// <param name="cohenH">Cohen's h (sign irrelevant).</param>
    /// <param name="n1">Size of the first group (&gt; 0).</param>
    /// <param name="n2">Size of the second group (&gt; 0).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static TwoProportionPowerResult Power(double cohenH, double n1, double n2, double alpha = 0.05)
    {
        PowerCore.CheckAlpha(alpha);
        PowerCore.CheckEffect(cohenH, mustBePositive: false);
        CheckSizes(n1, n2);
        return new TwoProportionPowerResult(PowerQuantity.Power, Math.Abs(cohenH), PowerOf(cohenH, n1, n2, alpha), alpha, n1, n2,
            null, null, null, Method, ImmutableArray<string>.Empty);
    }

    /// <summary>Power of the two-sided test for two hypothesised rates (h computed by <see cref="CohenH"/>).</summary>
    /// <param name="rate1">Hypothesised proportion in the first group, in [0, 1].</param>
    /// <param name="rate2">Hypothesised proportion in the second group, in [0, 1].</param>
    /// <param name="n1">Size of the first group (&gt; 0).</param>
    /// <param name="n2">Size of the second group (&gt; 0).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static TwoProportionPowerResult PowerForRates(double rate1, double rate2, double n1, double n2, double alpha = 0.05)
    {
        var h = CohenH(rate1, rate2);
        return Power(h, n1, n2, alpha) with { BaselineRate = rate2 };
    }

    /// <summary>Group sizes giving the target power (exact root; n2 = ratio × n1; fractional).</summary>
    /// <param name="cohenH">Cohen's h to detect (non-zero).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="allocationRatio">n2 / n1 (1 for equal groups, as <c>pwr.2p.test</c>).</param>
    /// <exception cref="StatisticsException">An input is out of range or h is zero.</exception>
    public static TwoProportionPowerResult SampleSize(double cohenH, double power = 0.80, double alpha = 0.05, double allocationRatio = 1)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(cohenH, mustBePositive: true);
        PowerCore.CheckAllocationRatio(allocationRatio);
        var n1 = RootFinder.IncreasingCrossing(n => PowerOf(cohenH, n, allocationRatio * n, alpha), power, 1e-9, 10, PowerCore.SizeLimit);
        if (double.IsNaN(n1))
        {
            throw new StatisticsException("La puissance visée n'est atteinte par aucune taille d'échantillon raisonnable (plus d'un milliard par groupe).");
        }
        return new TwoProportionPowerResult(PowerQuantity.SampleSize, Math.Abs(cohenH), power, alpha, n1, allocationRatio * n1,
            null, null, null, Method, ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// Smallest h detected with the target power and, when <paramref name="baselineRate"/> is given,
    /// the detectable rates above and below that baseline.
    /// </summary>
    /// <param name="n1">Size of the first group (&gt; 0).</param>
    /// <param name="n2">Size of the second group (&gt; 0).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="baselineRate">Expected rate in the comparison group, in [0, 1], or null.</param>
    /// <exception cref="StatisticsException">An input is out of range.</exception>
    public static TwoProportionPowerResult MinimumDetectableEffect(double n1, double n2, double power = 0.80, double alpha = 0.05,
        double? baselineRate = null)
    {
        PowerCore.CheckTargetPower(power, alpha);
        CheckSizes(n1, n2);
        if (baselineRate is { } b) CheckRate(b);
        var h = RootFinder.IncreasingCrossing(x => PowerOf(x, n1, n2, alpha), power, 0, 1, 1e6);
        double? above = null, below = null;
        var warnings = new List<string>();
        if (baselineRate is { } p0)
        {
            var a0 = Math.Asin(Math.Sqrt(p0));
            if (a0 + h / 2 <= Math.PI / 2) above = Math.Pow(Math.Sin(a0 + h / 2), 2);
            else warnings.Add($"Aucune proportion au-dessus de {PowerCore.Fr(Math.Round(100 * p0, 1))} % n'est assez éloignée pour être détectée : seule une baisse peut l'être.");
            if (a0 - h / 2 >= 0) below = Math.Pow(Math.Sin(a0 - h / 2), 2);
            else warnings.Add($"Aucune proportion au-dessous de {PowerCore.Fr(Math.Round(100 * p0, 1))} % n'est assez éloignée pour être détectée : seule une hausse peut l'être.");
        }
        return new TwoProportionPowerResult(PowerQuantity.MinimumDetectableEffect, h, power, alpha, n1, n2, baselineRate, above, below,
            Method, warnings.ToImmutableArray());
    }

    private const string Method = "Two-proportion test on the arcsine scale (Cohen's h, normal approximation), as pwr::pwr.2p2n.test";

    private static double PowerOf(double h, double n1, double n2, double alpha)
    {
        var shift = Math.Abs(h) * Math.Sqrt(n1 * n2 / (n1 + n2));
        var z = NormalDistribution.Quantile(1 - alpha / 2);
        // Upper tail Φ̄(z − shift) and lower tail Φ(−z − shift), each via erfc for accuracy.
        return 0.5 * SpecialFunctions.Erfc((z - shift) / Math.Sqrt(2)) + 0.5 * SpecialFunctions.Erfc((z + shift) / Math.Sqrt(2));
    }

    private static void CheckRate(double rate)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new StatisticsException($"Une proportion doit être comprise entre 0 et 1 (valeur reçue : {PowerCore.Fr(rate)}).");
        }
    }

    private static void CheckSizes(double n1, double n2)
    {
        PowerCore.CheckSize(n1, 1, "La taille du premier groupe");
        PowerCore.CheckSize(n2, 1, "La taille du second groupe");
    }
}

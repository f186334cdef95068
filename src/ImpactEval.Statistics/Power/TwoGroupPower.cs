using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Power, sample size and minimum detectable effect for comparing two groups on a continuous
/// outcome when individuals (families, pupils) are assigned or compared individually.
/// </summary>
/// <remarks>
/// The test is the two-sided two-sample t test; its power is the noncentral t probability used by
/// <c>pwr::pwr.t.test</c> / <c>pwr.t2n.test</c> (ncp = d / sqrt(1/n1 + 1/n2), df = n1 + n2 − 2).
/// Baseline covariates follow PowerUpR's <c>power.ira1r1</c> / <c>mdes.ira1r1</c> (Dong &amp; Maynard 2013):
/// they shrink the standardised standard error by sqrt(1 − R²) and cost one degree of freedom each,
/// so SSE = sqrt((1 − R²) / (P(1 − P) n)) with n = n1 + n2, P = n1 / n, and df = n − g − 2.
/// With R² = 0 and no covariates the results are exactly pwr's. Effects are standardised by the
/// outcome's standard deviation (not the residual one). For clustered samples use
/// <see cref="ClusterRandomisedPower"/> or <see cref="BlockedIndividualPower"/>.
/// </remarks>
public static class TwoGroupPower
{
    /// <summary>Power of the two-sided t test for a standardised difference with given group sizes.</summary>
    /// <param name="effectSize">True standardised mean difference (Cohen's d); its sign is irrelevant.</param>
    /// <param name="n1">Size of the first group (≥ 2).</param>
    /// <param name="n2">Size of the second group (≥ 2).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="covariateRSquared">Share of outcome variance explained by baseline covariates, in [0, 1).</param>
    /// <param name="covariates">Number of baseline covariates in the analysis model (≥ 0).</param>
    /// <exception cref="StatisticsException">An input is out of range, or no degree of freedom remains.</exception>
    public static TwoGroupPowerResult Power(double effectSize, double n1, double n2, double alpha = 0.05,
        double covariateRSquared = 0, int covariates = 0)
    {
        PowerCore.CheckAlpha(alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: false);
        Check(n1, n2, covariateRSquared, covariates);
        var power = PowerCore.Power(effectSize, Sse(n1, n2, covariateRSquared), Df(n1, n2, covariates), alpha);
        return Result(PowerQuantity.Power, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, n1, n2,
            covariateRSquared, covariates, "Two-sample t test power (noncentral t), as pwr::pwr.t2n.test / PowerUpR power.ira1r1");
    }

    /// <summary>Smallest standardised difference detected with the target power (exact noncentral t inversion, as <c>pwr.t2n.test(d = NULL)</c>).</summary>
    /// <param name="n1">Size of the first group (≥ 2).</param>
    /// <param name="n2">Size of the second group (≥ 2).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="covariateRSquared">Share of outcome variance explained by baseline covariates, in [0, 1).</param>
    /// <param name="covariates">Number of baseline covariates (≥ 0).</param>
    /// <exception cref="StatisticsException">An input is out of range, or no degree of freedom remains.</exception>
    public static TwoGroupPowerResult MinimumDetectableEffect(double n1, double n2, double power = 0.80, double alpha = 0.05,
        double covariateRSquared = 0, int covariates = 0)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(n1, n2, covariateRSquared, covariates);
        var df = Df(n1, n2, covariates);
        var effect = PowerCore.NoncentralityForPower(df, alpha, power) * Sse(n1, n2, covariateRSquared);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.ExactPower, effect, power, alpha, n1, n2,
            covariateRSquared, covariates, "Minimum detectable effect, exact inversion of the noncentral t power (pwr::pwr.t2n.test convention)");
    }

    /// <summary>Minimum detectable effect size by Bloom's multiplier, as PowerUpR's <c>mdes.ira1r1</c>: M(df) × SSE.</summary>
    /// <param name="n1">Size of the first group (≥ 2).</param>
    /// <param name="n2">Size of the second group (≥ 2).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="covariateRSquared">Share of outcome variance explained by baseline covariates, in [0, 1).</param>
    /// <param name="covariates">Number of baseline covariates (≥ 0).</param>
    /// <exception cref="StatisticsException">An input is out of range, or no degree of freedom remains.</exception>
    public static TwoGroupPowerResult MinimumDetectableEffectByMultiplier(double n1, double n2, double power = 0.80,
        double alpha = 0.05, double covariateRSquared = 0, int covariates = 0)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(n1, n2, covariateRSquared, covariates);
        var effect = PowerCore.Multiplier(Df(n1, n2, covariates), alpha, power) * Sse(n1, n2, covariateRSquared);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.BloomMultiplier, effect, power, alpha, n1, n2,
            covariateRSquared, covariates, "Minimum detectable effect size by Bloom's multiplier (PowerUpR mdes.ira1r1)");
    }

    /// <summary>
    /// Group sizes giving the target power (exact; as <c>pwr.t.test(n = NULL)</c> when the ratio is 1),
    /// with the second group <paramref name="allocationRatio"/> times the first. Sizes are fractional;
    /// see <see cref="TwoGroupPowerResult.RequiredN1"/> for whole numbers.
    /// </summary>
    /// <param name="effectSize">Standardised difference to detect (non-zero).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="allocationRatio">n2 / n1 (1 for equal groups).</param>
    /// <param name="covariateRSquared">Share of outcome variance explained by baseline covariates, in [0, 1).</param>
    /// <param name="covariates">Number of baseline covariates (≥ 0).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the effect is zero.</exception>
    public static TwoGroupPowerResult SampleSize(double effectSize, double power = 0.80, double alpha = 0.05,
        double allocationRatio = 1, double covariateRSquared = 0, int covariates = 0)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        PowerCore.CheckAllocationRatio(allocationRatio);
        PowerCore.CheckRSquared(covariateRSquared, "de base");
        PowerCore.CheckCovariates(covariates);
        var lower = (2.0 + covariates) / (1 + allocationRatio) + 1e-9;
        var n1 = RootFinder.IncreasingCrossing(
            n => PowerCore.Power(effectSize, Sse(n, allocationRatio * n, covariateRSquared), Df(n, allocationRatio * n, covariates), alpha),
            power, lower, 10, PowerCore.SizeLimit);
        if (double.IsNaN(n1))
        {
            throw new StatisticsException("La puissance visée n'est atteinte par aucune taille d'échantillon raisonnable (plus d'un milliard par groupe).");
        }
        return Result(PowerQuantity.SampleSize, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, n1,
            allocationRatio * n1, covariateRSquared, covariates,
            "Sample size, exact inversion of the noncentral t power (pwr::pwr.t.test / pwr.t2n.test convention)");
    }

    /// <summary>
    /// Total sample size by PowerUpR's <c>mrss.ira1r1</c> iteration on Bloom's multiplier, rounded as
    /// PowerUpR rounds it, split between the groups in the allocation ratio.
    /// </summary>
    /// <param name="effectSize">Standardised difference to detect (non-zero).</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <param name="allocationRatio">n2 / n1; PowerUpR's p (proportion in the first group) is 1 / (1 + ratio).</param>
    /// <param name="covariateRSquared">Share of outcome variance explained by baseline covariates, in [0, 1).</param>
    /// <param name="covariates">Number of baseline covariates (≥ 0).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the effect is zero.</exception>
    public static TwoGroupPowerResult SampleSizeByMultiplier(double effectSize, double power = 0.80, double alpha = 0.05,
        double allocationRatio = 1, double covariateRSquared = 0, int covariates = 0)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        PowerCore.CheckAllocationRatio(allocationRatio);
        PowerCore.CheckRSquared(covariateRSquared, "de base");
        PowerCore.CheckCovariates(covariates);
        var p = 1 / (1 + allocationRatio);
        var (total, _, _) = PowerCore.MultiplierSize(
            m => (m / effectSize) * (m / effectSize) * ((1 - covariateRSquared) / (p * (1 - p))),
            n => n - covariates - 2, alpha, power, "individus");
        return Result(PowerQuantity.SampleSize, PowerConvention.BloomMultiplier, Math.Abs(effectSize), power, alpha,
            p * total, (1 - p) * total, covariateRSquared, covariates, "Total sample size by Bloom's multiplier (PowerUpR mrss.ira1r1)");
    }

    private static void Check(double n1, double n2, double rSquared, int covariates)
    {
        PowerCore.CheckSize(n1, 2, "La taille du premier groupe");
        PowerCore.CheckSize(n2, 2, "La taille du second groupe");
        PowerCore.CheckRSquared(rSquared, "de base");
        PowerCore.CheckCovariates(covariates);
        PowerCore.CheckDegreesOfFreedom(Df(n1, n2, covariates), "n1 + n2 − 2 − covariables");
    }

    private static double Sse(double n1, double n2, double rSquared)
    {
        var n = n1 + n2;
        var p = n1 / n;
        return Math.Sqrt((1 - rSquared) / (p * (1 - p) * n));
    }

    private static double Df(double n1, double n2, int covariates) => n1 + n2 - covariates - 2;

    private static TwoGroupPowerResult Result(PowerQuantity solvedFor, PowerConvention convention, double effect, double power,
        double alpha, double n1, double n2, double rSquared, int covariates, string method)
    {
        var df = Df(n1, n2, covariates);
        var sse = Sse(n1, n2, rSquared);
        var achieved = PowerCore.Power(effect, sse, df, alpha);
        var warnings = new List<string>();
        PowerCore.AddSmallDfWarning(warnings, df);
        if (convention == PowerConvention.BloomMultiplier) PowerCore.AddMultiplierWarning(warnings, power, achieved);
        return new TwoGroupPowerResult(solvedFor, convention, effect, power, achieved, alpha, n1, n2, rSquared, covariates, df,
            sse, effect / sse, PowerCore.Multiplier(df, alpha, power), method, warnings.ToImmutableArray());
    }
}

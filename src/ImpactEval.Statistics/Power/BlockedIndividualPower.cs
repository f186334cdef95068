using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Power, minimum detectable effect and number of blocks when individuals are assigned or compared
/// within blocks (e.g. families of two groups mixed within the same schools), analysed with fixed
/// block effects.
/// </summary>
/// <remarks>
/// Formulas of PowerUpR's <c>bira2f1</c> (blocked individual random assignment, two levels, fixed
/// block effects; Dong &amp; Maynard 2013): SSE = sqrt((1 − r21) / (P(1 − P) J n)), df = J(n − 2) − g₁,
/// where r21 is the share of variance explained by the block dummies and covariates. This API takes
/// the ICC and the within-block covariate R² and sets r21 = 1 − (1 − ρ)(1 − R²₁)
/// (<see cref="BlockedAssumptions.PowerUpRSquared"/>); with ρ = 0 the results are exactly
/// <c>bira2f1</c>'s. The inference is about the schools in the sample (block effects are fixed, and
/// the treatment effect is not assumed to generalise to other schools); it ignores variation of the
/// effect across blocks. Here n is the number of individuals per block in the two groups being
/// compared (for three groups per school, the families of the two arms in the contrast) and P the
/// treated share among them. Effects are in SD units of the outcome's total variance.
/// </remarks>
public static class BlockedIndividualPower
{
    /// <summary>Power for a standardised effect with J blocks of n individuals.</summary>
    /// <param name="effectSize">True standardised effect (sign irrelevant).</param>
    /// <param name="blocks">Number of blocks J (≥ 1).</param>
    /// <param name="blockSize">Individuals per block n in the two compared groups (&gt; 2).</param>
    /// <param name="assumptions">ICC, treated share, within-block R², covariates.</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or no degree of freedom remains.</exception>
    public static ClusterPowerResult Power(double effectSize, double blocks, double blockSize, BlockedAssumptions assumptions,
        double alpha = 0.05)
    {
        PowerCore.CheckAlpha(alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: false);
        Check(assumptions);
        CheckSizes(blocks, blockSize, assumptions);
        var power = PowerCore.Power(effectSize, Sse(blocks, blockSize, assumptions), Df(blocks, blockSize, assumptions), alpha);
        return Result(PowerQuantity.Power, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, blocks, blockSize,
            assumptions, "Blocked individual assignment, fixed block effects: power (noncentral t), PowerUpR power.bira2f1 formulas");
    }

    /// <summary>Minimum detectable effect: the effect at which the exact power equals the target.</summary>
    /// <param name="blocks">Number of blocks J.</param>
    /// <param name="blockSize">Individuals per block n in the two compared groups.</param>
    /// <param name="assumptions">ICC, treated share, within-block R², covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or no degree of freedom remains.</exception>
    public static ClusterPowerResult MinimumDetectableEffect(double blocks, double blockSize, BlockedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(assumptions);
        CheckSizes(blocks, blockSize, assumptions);
        var effect = PowerCore.NoncentralityForPower(Df(blocks, blockSize, assumptions), alpha, power) * Sse(blocks, blockSize, assumptions);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.ExactPower, effect, power, alpha, blocks, blockSize,
            assumptions, "Minimum detectable effect, exact inversion of the noncentral t power (PowerUpR bira2f1 SSE and df)");
    }

    /// <summary>Minimum detectable effect size by Bloom's multiplier, as PowerUpR's <c>mdes.bira2f1</c>.</summary>
    /// <param name="blocks">Number of blocks J.</param>
    /// <param name="blockSize">Individuals per block n in the two compared groups.</param>
    /// <param name="assumptions">ICC, treated share, within-block R², covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or no degree of freedom remains.</exception>
    public static ClusterPowerResult MinimumDetectableEffectByMultiplier(double blocks, double blockSize, BlockedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(assumptions);
        CheckSizes(blocks, blockSize, assumptions);
        var effect = PowerCore.Multiplier(Df(blocks, blockSize, assumptions), alpha, power) * Sse(blocks, blockSize, assumptions);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.BloomMultiplier, effect, power, alpha, blocks, blockSize,
            assumptions, "Minimum detectable effect size by Bloom's multiplier (PowerUpR mdes.bira2f1)");
    }

    /// <summary>Number of blocks (fractional) at which the exact power reaches the target with blocks of n.</summary>
    /// <param name="effectSize">Standardised effect to detect (non-zero).</param>
    /// <param name="blockSize">Individuals per block n in the two compared groups (&gt; 2).</param>
    /// <param name="assumptions">ICC, treated share, within-block R², covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the target is out of reach.</exception>
    public static ClusterPowerResult Blocks(double effectSize, double blockSize, BlockedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        Check(assumptions);
        CheckBlockSize(blockSize);
        var lower = (assumptions.Level1Covariates + 1e-9) / (blockSize - 2) + 1e-9;
        var j = RootFinder.IncreasingCrossing(
            x => PowerCore.Power(effectSize, Sse(x, blockSize, assumptions), Df(x, blockSize, assumptions), alpha),
            power, lower, 10, PowerCore.SizeLimit);
        if (double.IsNaN(j)) throw new StatisticsException("La puissance visée n'est atteinte par aucun nombre raisonnable de blocs.");
        return Result(PowerQuantity.Clusters, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, j, blockSize, assumptions,
            "Number of blocks, exact inversion of the noncentral t power (PowerUpR bira2f1 SSE and df)");
    }

    /// <summary>Number of blocks by PowerUpR's <c>mrss.bira2f1</c> iteration on Bloom's multiplier (rounded as PowerUpR does).</summary>
    /// <param name="effectSize">Standardised effect to detect (non-zero).</param>
    /// <param name="blockSize">Individuals per block n in the two compared groups (&gt; 2).</param>
    /// <param name="assumptions">ICC, treated share, within-block R², covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the iteration finds no degree of freedom.</exception>
    public static ClusterPowerResult BlocksByMultiplier(double effectSize, double blockSize, BlockedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        Check(assumptions);
        CheckBlockSize(blockSize);
        var pq = assumptions.ProportionTreated * (1 - assumptions.ProportionTreated);
        var r21 = assumptions.PowerUpRSquared;
        var (j, _, _) = PowerCore.MultiplierSize(
            m => (m / effectSize) * (m / effectSize) * ((1 - r21) / (pq * blockSize)),
            x => x * (blockSize - 2) - assumptions.Level1Covariates, alpha, power, "blocs");
        CheckSizes(j, blockSize, assumptions);
        return Result(PowerQuantity.Clusters, PowerConvention.BloomMultiplier, Math.Abs(effectSize), power, alpha, j, blockSize,
            assumptions, "Number of blocks by Bloom's multiplier (PowerUpR mrss.bira2f1)");
    }

    private static double Sse(double blocks, double blockSize, BlockedAssumptions a) =>
        Math.Sqrt((1 - a.PowerUpRSquared) / (a.ProportionTreated * (1 - a.ProportionTreated) * blocks * blockSize));

    private static double Df(double blocks, double blockSize, BlockedAssumptions a) => blocks * (blockSize - 2) - a.Level1Covariates;

    private static void Check(BlockedAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        PowerCore.CheckIcc(a.Icc);
        PowerCore.CheckProportion(a.ProportionTreated);
        PowerCore.CheckRSquared(a.Level1RSquared, "individuelles");
        PowerCore.CheckCovariates(a.Level1Covariates);
    }

    private static void CheckBlockSize(double blockSize)
    {
        if (double.IsNaN(blockSize) || double.IsInfinity(blockSize) || blockSize <= 2)
        {
            throw new StatisticsException(
                $"Chaque bloc doit compter plus de deux individus dans les groupes comparés (valeur reçue : {PowerCore.Fr(blockSize)}).");
        }
    }

    private static void CheckSizes(double blocks, double blockSize, BlockedAssumptions a)
    {
        PowerCore.CheckSize(blocks, 1, "Le nombre de blocs");
        CheckBlockSize(blockSize);
        var df = Df(blocks, blockSize, a);
        if (!(df > 0))
        {
            throw new StatisticsException(
                $"Trop peu d'individus : avec {PowerCore.Fr(blocks)} blocs de {PowerCore.Fr(blockSize)} individus et {a.Level1Covariates} covariable(s), le test n'a aucun degré de liberté (J(n − 2) − g = {PowerCore.Fr(df)}).");
        }
    }

    private static ClusterPowerResult Result(PowerQuantity solvedFor, PowerConvention convention, double effect, double power,
        double alpha, double blocks, double blockSize, BlockedAssumptions a, string method)
    {
        var df = Df(blocks, blockSize, a);
        var sse = Sse(blocks, blockSize, a);
        var achieved = PowerCore.Power(effect, sse, df, alpha);
        var pq = a.ProportionTreated * (1 - a.ProportionTreated);
        var individual = (a.Icc + (1 - a.Icc) * (1 - a.Level1RSquared)) / (pq * blocks * blockSize);
        var warnings = new List<string>();
        PowerCore.AddSmallDfWarning(warnings, df);
        if (convention == PowerConvention.BloomMultiplier) PowerCore.AddMultiplierWarning(warnings, power, achieved);
        if (blocks < 10)
        {
            warnings.Add(
                $"Avec {PowerCore.Fr(blocks)} blocs, les effets fixes d'établissement limitent la conclusion aux établissements de l'échantillon ; une variation de l'effet entre établissements n'est pas prise en compte.");
        }
        return new ClusterPowerResult("bira2f", solvedFor, convention, effect, power, achieved, alpha, blocks, blockSize, a.Icc,
            a.ProportionTreated, a.Level1RSquared, 0, a.Level1Covariates, df, sse, effect / sse, PowerCore.Multiplier(df, alpha, power),
            sse * sse / individual, method, warnings.ToImmutableArray());
    }
}

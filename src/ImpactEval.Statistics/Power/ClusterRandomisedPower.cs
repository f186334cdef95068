using System.Collections.Immutable;
using ImpactEval.Statistics.Numerics;

namespace ImpactEval.Statistics;

/// <summary>
/// Power, minimum detectable effect, number of clusters and cluster size for a two-level
/// cluster-randomised design: whole clusters (schools, neighbourhoods) are assigned, individuals
/// are measured within them.
/// </summary>
/// <remarks>
/// Formulas of PowerUpR's <c>cra2r2</c> functions (Bulus, Dong, Kelcey &amp; Spybrook; Dong &amp; Maynard
/// 2013, "PowerUp!", J. Res. Educ. Eff. 6(1):24–67):
/// SSE = sqrt(ρ(1 − R²₂) / (P(1 − P)J) + (1 − ρ)(1 − R²₁) / (P(1 − P)J n)), df = J − g₂ − 2;
/// power is the two-sided noncentral t probability with ncp = effect / SSE (<c>power.cra2r2</c>);
/// <see cref="MinimumDetectableEffectByMultiplier"/> is <c>mdes.cra2r2</c> (M × SSE) and
/// <see cref="ClustersByMultiplier"/> is <c>mrss.cra2r2</c>. The exact methods invert the power
/// function instead, so that the power at the returned MDE is exactly the target; with equal cluster
/// sizes and no covariates this is the exact power of a t test on cluster means with J − 2 df.
/// Effects are in SD units of the outcome's total (between + within) variance.
/// </remarks>
public static class ClusterRandomisedPower
{
    /// <summary>Power for a standardised effect with J clusters of n individuals.</summary>
    /// <param name="effectSize">True standardised effect (sign irrelevant).</param>
    /// <param name="clusters">Number of clusters J (J − g₂ − 2 must be positive).</param>
    /// <param name="clusterSize">Individuals per cluster n (≥ 1; with unequal clusters the harmonic mean is a common approximation).</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or too few clusters remain for the df.</exception>
    public static ClusterPowerResult Power(double effectSize, double clusters, double clusterSize,
        ClusterRandomisedAssumptions assumptions, double alpha = 0.05)
    {
        PowerCore.CheckAlpha(alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: false);
        Check(assumptions);
        CheckSizes(clusters, clusterSize, assumptions);
        var power = PowerCore.Power(effectSize, Sse(clusters, clusterSize, assumptions), Df(clusters, assumptions), alpha);
        return Result(PowerQuantity.Power, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, clusters, clusterSize,
            assumptions, "Cluster-randomised design power (noncentral t), PowerUpR power.cra2r2 formulas");
    }

    /// <summary>Minimum detectable effect: the effect at which the exact power equals the target.</summary>
    /// <param name="clusters">Number of clusters J.</param>
    /// <param name="clusterSize">Individuals per cluster n.</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or too few clusters remain for the df.</exception>
    public static ClusterPowerResult MinimumDetectableEffect(double clusters, double clusterSize,
        ClusterRandomisedAssumptions assumptions, double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(assumptions);
        CheckSizes(clusters, clusterSize, assumptions);
        var effect = PowerCore.NoncentralityForPower(Df(clusters, assumptions), alpha, power) * Sse(clusters, clusterSize, assumptions);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.ExactPower, effect, power, alpha, clusters, clusterSize,
            assumptions, "Minimum detectable effect, exact inversion of the noncentral t power (PowerUpR cra2r2 SSE and df)");
    }

    /// <summary>Minimum detectable effect size by Bloom's multiplier, as PowerUpR's <c>mdes.cra2r2</c>.</summary>
    /// <param name="clusters">Number of clusters J.</param>
    /// <param name="clusterSize">Individuals per cluster n.</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range or too few clusters remain for the df.</exception>
    public static ClusterPowerResult MinimumDetectableEffectByMultiplier(double clusters, double clusterSize,
        ClusterRandomisedAssumptions assumptions, double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        Check(assumptions);
        CheckSizes(clusters, clusterSize, assumptions);
        var effect = PowerCore.Multiplier(Df(clusters, assumptions), alpha, power) * Sse(clusters, clusterSize, assumptions);
        return Result(PowerQuantity.MinimumDetectableEffect, PowerConvention.BloomMultiplier, effect, power, alpha, clusters,
            clusterSize, assumptions, "Minimum detectable effect size by Bloom's multiplier (PowerUpR mdes.cra2r2)");
    }

    /// <summary>Number of clusters (fractional) at which the exact power reaches the target for clusters of n.</summary>
    /// <param name="effectSize">Standardised effect to detect (non-zero).</param>
    /// <param name="clusterSize">Individuals per cluster n.</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the target is out of reach.</exception>
    public static ClusterPowerResult Clusters(double effectSize, double clusterSize, ClusterRandomisedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        Check(assumptions);
        PowerCore.CheckSize(clusterSize, 1, "Le nombre d'individus par grappe");
        var lower = assumptions.Level2Covariates + 2 + 1e-9;
        var j = RootFinder.IncreasingCrossing(
            x => PowerCore.Power(effectSize, Sse(x, clusterSize, assumptions), Df(x, assumptions), alpha),
            power, lower, 10, PowerCore.SizeLimit);
        if (double.IsNaN(j)) throw new StatisticsException("La puissance visée n'est atteinte par aucun nombre raisonnable de grappes.");
        return Result(PowerQuantity.Clusters, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, j, clusterSize,
            assumptions, "Number of clusters, exact inversion of the noncentral t power (PowerUpR cra2r2 SSE and df)");
    }

    /// <summary>Number of clusters by PowerUpR's <c>mrss.cra2r2</c> iteration on Bloom's multiplier (rounded as PowerUpR does).</summary>
    /// <param name="effectSize">Standardised effect to detect (non-zero).</param>
    /// <param name="clusterSize">Individuals per cluster n.</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range, or the iteration finds no degree of freedom.</exception>
    public static ClusterPowerResult ClustersByMultiplier(double effectSize, double clusterSize, ClusterRandomisedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        Check(assumptions);
        PowerCore.CheckSize(clusterSize, 1, "Le nombre d'individus par grappe");
        var a = assumptions;
        var pq = a.ProportionTreated * (1 - a.ProportionTreated);
        var (j, _, _) = PowerCore.MultiplierSize(
            m => (m / effectSize) * (m / effectSize) * (a.Icc * (1 - a.Level2RSquared) / pq + (1 - a.Icc) * (1 - a.Level1RSquared) / (pq * clusterSize)),
            x => x - a.Level2Covariates - 2, alpha, power, "grappes");
        CheckSizes(j, clusterSize, assumptions);
        return Result(PowerQuantity.Clusters, PowerConvention.BloomMultiplier, Math.Abs(effectSize), power, alpha, j, clusterSize,
            assumptions, "Number of clusters by Bloom's multiplier (PowerUpR mrss.cra2r2)");
    }

    /// <summary>
    /// Individuals per cluster (fractional) at which the exact power reaches the target with J clusters.
    /// Power is bounded as n grows (the ICC term does not shrink), so the target may be out of reach.
    /// </summary>
    /// <param name="effectSize">Standardised effect to detect (non-zero).</param>
    /// <param name="clusters">Number of clusters J.</param>
    /// <param name="assumptions">ICC, share treated, R² at both levels, cluster covariates.</param>
    /// <param name="power">Target power in (alpha, 1).</param>
    /// <param name="alpha">Two-sided significance level in (0, 1).</param>
    /// <exception cref="StatisticsException">An input is out of range, or no cluster size reaches the target.</exception>
    public static ClusterPowerResult ClusterSize(double effectSize, double clusters, ClusterRandomisedAssumptions assumptions,
        double power = 0.80, double alpha = 0.05)
    {
        PowerCore.CheckTargetPower(power, alpha);
        PowerCore.CheckEffect(effectSize, mustBePositive: true);
        Check(assumptions);
        CheckSizes(clusters, 1, assumptions);
        var sseLimit = Sse(clusters, double.PositiveInfinity, assumptions);
        var ceiling = sseLimit == 0 ? 1.0 : PowerCore.Power(effectSize, sseLimit, Df(clusters, assumptions), alpha);
        if (ceiling <= power)
        {
            throw new StatisticsException(
                $"Avec {PowerCore.Fr(clusters)} grappes et un ICC de {PowerCore.Fr(assumptions.Icc)}, la puissance ne dépasse pas {PowerCore.Fr(Math.Round(100 * ceiling, 1))} % même avec des grappes infiniment grandes : il faut davantage de grappes pour atteindre {PowerCore.Fr(Math.Round(100 * power, 1))} %.");
        }
        var n = RootFinder.IncreasingCrossing(
            x => PowerCore.Power(effectSize, Sse(clusters, x, assumptions), Df(clusters, assumptions), alpha),
            power, 1e-9, 10, 1e15);
        if (double.IsNaN(n)) throw new StatisticsException("La puissance visée n'est atteinte par aucune taille de grappe raisonnable.");
        return Result(PowerQuantity.ClusterSize, PowerConvention.ExactPower, Math.Abs(effectSize), power, alpha, clusters, n,
            assumptions, "Cluster size, exact inversion of the noncentral t power (PowerUpR cra2r2 SSE and df)");
    }

    internal static double Sse(double clusters, double clusterSize, ClusterRandomisedAssumptions a)
    {
        var pq = a.ProportionTreated * (1 - a.ProportionTreated);
        var within = double.IsPositiveInfinity(clusterSize) ? 0 : (1 - a.Icc) * (1 - a.Level1RSquared) / (pq * clusters * clusterSize);
        return Math.Sqrt(a.Icc * (1 - a.Level2RSquared) / (pq * clusters) + within);
    }

    private static double Df(double clusters, ClusterRandomisedAssumptions a) => clusters - a.Level2Covariates - 2;

    private static void Check(ClusterRandomisedAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        PowerCore.CheckIcc(a.Icc);
        PowerCore.CheckProportion(a.ProportionTreated);
        PowerCore.CheckRSquared(a.Level1RSquared, "individuelles");
        PowerCore.CheckRSquared(a.Level2RSquared, "de niveau grappe");
        PowerCore.CheckCovariates(a.Level2Covariates);
    }

    private static void CheckSizes(double clusters, double clusterSize, ClusterRandomisedAssumptions a)
    {
        PowerCore.CheckSize(clusters, 1, "Le nombre de grappes");
        PowerCore.CheckSize(clusterSize, 1, "Le nombre d'individus par grappe");
        var df = Df(clusters, a);
        if (!(df > 0))
        {
            throw new StatisticsException(
                $"Trop peu de grappes : avec {PowerCore.Fr(clusters)} grappes et {a.Level2Covariates} covariable(s) de niveau grappe, le test n'a aucun degré de liberté (J − g − 2 = {PowerCore.Fr(df)}). Il faut au moins {a.Level2Covariates + 3} grappes.");
        }
    }

    private static ClusterPowerResult Result(PowerQuantity solvedFor, PowerConvention convention, double effect, double power,
        double alpha, double clusters, double clusterSize, ClusterRandomisedAssumptions a, string method)
    {
        var df = Df(clusters, a);
        var sse = Sse(clusters, clusterSize, a);
        var achieved = PowerCore.Power(effect, sse, df, alpha);
        var pq = a.ProportionTreated * (1 - a.ProportionTreated);
        var individual = (a.Icc * (1 - a.Level2RSquared) + (1 - a.Icc) * (1 - a.Level1RSquared)) / (pq * clusters * clusterSize);
        var warnings = new List<string>();
        PowerCore.AddSmallDfWarning(warnings, df);
        if (convention == PowerConvention.BloomMultiplier) PowerCore.AddMultiplierWarning(warnings, power, achieved);
        return new ClusterPowerResult("cra2", solvedFor, convention, effect, power, achieved, alpha, clusters, clusterSize, a.Icc,
            a.ProportionTreated, a.Level1RSquared, a.Level2RSquared, a.Level2Covariates, df, sse, effect / sse,
            PowerCore.Multiplier(df, alpha, power), sse * sse / individual, method, warnings.ToImmutableArray());
    }
}

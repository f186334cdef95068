using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A power calculation for a two-level design (individuals in clusters such as schools): what was
/// solved for, the answer, and every assumption it rests on, so that a report can say
/// "avec 8 écoles et un ICC de 0,10, l'effet minimal détectable est de 0,41 écart-type".
/// </summary>
/// <param name="Design">Which design: <c>"cra2"</c> (clusters assigned) or <c>"bira2f"</c> (individuals assigned within blocks, fixed block effects).</param>
/// <param name="SolvedFor">The unknown that was solved for.</param>
/// <param name="Convention">Exact power inversion or Bloom's multiplier.</param>
/// <param name="EffectSize">Standardised effect in SD units of the outcome (total variance); the MDE when solved for.</param>
/// <param name="Power">Power: the target when solving for an effect or a size, the computed power otherwise.</param>
/// <param name="AchievedPower">Exact power of the two-sided t test at the returned effect and sizes.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Clusters">Number of clusters (or blocks) J; fractional when solved for exactly.</param>
/// <param name="ClusterSize">Individuals per cluster (or per block) n; fractional when solved for.</param>
/// <param name="Icc">Intra-class correlation ρ assumed.</param>
/// <param name="ProportionTreated">Share of clusters (cra2) or of individuals within blocks (bira2f) treated.</param>
/// <param name="Level1RSquared">Within-cluster share of variance explained by individual covariates.</param>
/// <param name="Level2RSquared">Between-cluster share of variance explained by cluster covariates (0 for bira2f, where block effects absorb it).</param>
/// <param name="Covariates">Covariates costing degrees of freedom: cluster-level (cra2) or individual-level (bira2f).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t test (cra2: J − g − 2; bira2f: J(n − 2) − g).</param>
/// <param name="StandardisedStandardError">Standard error of the impact estimate in SD units.</param>
/// <param name="Noncentrality">Effect / standardised SE.</param>
/// <param name="Multiplier">Bloom's multiplier t(1 − α/2; df) + t(power; df) at <paramref name="Power"/> (+∞ when the power rounds to 1).</param>
/// <param name="DesignEffect">Variance inflation of the design relative to individual randomisation of the same n·J individuals with the same R²s and no block effects.</param>
/// <param name="Method">English description and the PowerUpR function whose formulas it follows.</param>
/// <param name="Warnings">French messages a report can show.</param>
public sealed record ClusterPowerResult(
    string Design,
    PowerQuantity SolvedFor,
    PowerConvention Convention,
    double EffectSize,
    double Power,
    double AchievedPower,
    double Alpha,
    double Clusters,
    double ClusterSize,
    double Icc,
    double ProportionTreated,
    double Level1RSquared,
    double Level2RSquared,
    int Covariates,
    double DegreesOfFreedom,
    double StandardisedStandardError,
    double Noncentrality,
    double Multiplier,
    double DesignEffect,
    string Method,
    ImmutableArray<string> Warnings)
{
    /// <summary>Number of clusters rounded up to a whole number (what a protocol must recruit).</summary>
    public int RequiredClusters => (int)Math.Ceiling(Clusters - 1e-9);

    /// <summary>Cluster size rounded up to a whole number.</summary>
    public int RequiredClusterSize => (int)Math.Ceiling(ClusterSize - 1e-9);

    /// <summary>Total number of individuals J × n.</summary>
    public double TotalIndividuals => Clusters * ClusterSize;
}

namespace ImpactEval.Statistics;

/// <summary>
/// Assumptions of a design where individuals are assigned (or compared) within blocks such as
/// schools, analysed with fixed block effects (PowerUpR's <c>bira2f1</c>).
/// </summary>
/// <param name="Icc">Intra-class correlation ρ: share of outcome variance between blocks, in [0, 1). Block effects remove it.</param>
/// <param name="ProportionTreated">Share of each block's individuals in the treated group, in (0, 1) (PowerUpR p).</param>
/// <param name="Level1RSquared">Share of the within-block variance explained by individual covariates, in [0, 1).</param>
/// <param name="Level1Covariates">Number of individual covariates, each costing one degree of freedom (PowerUpR g1).</param>
public sealed record BlockedAssumptions(
    double Icc = 0,
    double ProportionTreated = 0.5,
    double Level1RSquared = 0,
    int Level1Covariates = 0)
{
    /// <summary>
    /// PowerUpR's <c>r21</c> for <c>bira2f1</c>: the share of total variance explained by block dummies
    /// and covariates, 1 − (1 − ρ)(1 − R²₁).
    /// </summary>
    public double PowerUpRSquared => 1 - (1 - Icc) * (1 - Level1RSquared);
}

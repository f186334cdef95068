namespace ImpactEval.Statistics;

/// <summary>
/// Assumptions of a two-level cluster-randomised design (whole schools or neighbourhoods assigned),
/// in PowerUpR's <c>cra2r2</c> vocabulary.
/// </summary>
/// <param name="Icc">Intra-class correlation ρ: share of outcome variance between clusters, in [0, 1) (PowerUpR rho2).</param>
/// <param name="ProportionTreated">Share of clusters assigned to treatment, in (0, 1) (PowerUpR p).</param>
/// <param name="Level1RSquared">Share of within-cluster variance explained by individual covariates, in [0, 1) (PowerUpR r21).</param>
/// <param name="Level2RSquared">Share of between-cluster variance explained by cluster covariates, in [0, 1) (PowerUpR r22).</param>
/// <param name="Level2Covariates">Number of cluster-level covariates, each costing one degree of freedom (PowerUpR g2).</param>
public sealed record ClusterRandomisedAssumptions(
    double Icc,
    double ProportionTreated = 0.5,
    double Level1RSquared = 0,
    double Level2RSquared = 0,
    int Level2Covariates = 0);

using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A fitted logistic regression (binomial GLM with logit link), as R's
/// <c>glm(y ~ x, family = binomial, weights = w)</c> reports it.
/// </summary>
/// <param name="Coefficients">Log-odds coefficients, intercept first, with model-based SEs (inverse Fisher information, dispersion 1), Wald z, normal p-values and Wald CIs (R's <c>summary.glm</c>, <c>confint.default</c>). Aliased terms are NA with a French warning.</param>
/// <param name="RobustCoefficients">The same coefficients with HC0 sandwich SEs (R's <c>sandwich::vcovHC(fit, type = "HC0")</c>), Wald z, p and CIs. Zero-weight rows are ignored; sandwich instead counts them in the meat's n, which shrinks its SEs by (n − n₀)/n.</param>
/// <param name="OddsRatios">exp(coefficient) with CI exp(Wald CI) from the model-based SEs; SE by the delta method, z and p those of the log-odds.</param>
/// <param name="Deviance">Residual deviance, −2·Σ wᵢ·log-likelihoodᵢ (R's <c>deviance(fit)</c>).</param>
/// <param name="NullDeviance">Deviance of the intercept-only model with the same weights.</param>
/// <param name="Aic">AIC as R's binomial family computes it (weights rounded to integers inside <c>dbinom</c>, plus 2·rank); not meaningful for non-integer weights.</param>
/// <param name="Iterations">Number of IRLS iterations (weighted least-squares fits), counted as <c>glm.fit</c> counts them.</param>
/// <param name="Rank">Number of estimable coefficients.</param>
/// <param name="N">Number of observations used (complete cases with a positive weight).</param>
/// <param name="FittedProbabilities">Fitted P(y = 1) for every input row, NaN for rows dropped for a missing value (R's <c>na.exclude</c> convention).</param>
/// <param name="Warnings">French messages (collinear terms, non-integer weights…).</param>
public sealed record LogisticRegressionResult(
    ImmutableArray<Estimate> Coefficients,
    ImmutableArray<Estimate> RobustCoefficients,
    ImmutableArray<Estimate> OddsRatios,
    double Deviance,
    double NullDeviance,
    double Aic,
    int Iterations,
    int Rank,
    int N,
    ImmutableArray<double> FittedProbabilities,
    ImmutableArray<string> Warnings)
{
    /// <summary>The sandwich of <see cref="SandwichCoefficients"/> (CR1 by default when clusters were given); null when none was asked.</summary>
    public SandwichEstimator? Sandwich { get; init; }

    /// <summary>
    /// The coefficients with the sandwich SEs of <see cref="Sandwich"/> (R's <c>sandwich::vcovCL</c> or <c>vcovHC</c>, see
    /// <see cref="SandwichEstimator"/>), t with G − 1 degrees of freedom for cluster-robust ones, z otherwise; empty without a sandwich.
    /// </summary>
    public ImmutableArray<Estimate> SandwichCoefficients { get; init; } = [];

    /// <summary>exp of <see cref="SandwichCoefficients"/> (CI exp of their interval); empty without a sandwich.</summary>
    public ImmutableArray<Estimate> SandwichOddsRatios { get; init; } = [];

    /// <summary>
    /// When clusters were given to <see cref="LogisticRegression.Fit"/>: the coefficients with cluster-robust SEs (CR1 by
    /// default: R's <c>sandwich::vcovCL(fit, cluster, type = "HC1")</c>), t with G − 1 degrees of freedom, p and CIs; otherwise empty.
    /// </summary>
    public ImmutableArray<Estimate> ClusterRobustCoefficients => Sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? SandwichCoefficients : [];

    /// <summary>exp of <see cref="ClusterRobustCoefficients"/> (CI exp of the cluster-robust interval); empty without clusters.</summary>
    public ImmutableArray<Estimate> ClusterRobustOddsRatios => Sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? SandwichOddsRatios : [];
}

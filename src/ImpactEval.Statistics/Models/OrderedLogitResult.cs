using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// A fitted proportional-odds (cumulative logit) model with the sign convention of R's
/// <c>MASS::polr</c> and <c>ordinal::clm</c>: logit P(Y ≤ k | x) = ζ_k − x·β for k = 1 … K − 1.
/// A positive β therefore moves mass towards the higher levels, and exp(β) is the odds ratio of
/// being above any given level rather than at or below it.
/// </summary>
/// <param name="Levels">Ordered level labels (lowest first).</param>
/// <param name="Thresholds">Cut-points ζ_k named "low|high" as polr names them, with SEs from the observed information (inverse Hessian), Wald z, p and CIs.</param>
/// <param name="Coefficients">Slopes β (no intercept: the thresholds play its role), with the same inference; aliased terms are NA with a French warning.</param>
/// <param name="OddsRatios">exp(β): odds ratio of a higher rather than a lower-or-equal level, CI exp(Wald CI); SE by the delta method.</param>
/// <param name="Deviance">−2 × weighted log-likelihood (R's <c>deviance(polr)</c>, <c>-2*logLik(clm)</c>).</param>
/// <param name="Aic">Deviance + 2 × number of estimated parameters.</param>
/// <param name="Iterations">Newton–Raphson iterations.</param>
/// <param name="N">Number of observations used (complete cases with a positive weight).</param>
/// <param name="Warnings">French messages (collinear terms…).</param>
public sealed record OrderedLogitResult(
    ImmutableArray<string> Levels,
    ImmutableArray<Estimate> Thresholds,
    ImmutableArray<Estimate> Coefficients,
    ImmutableArray<Estimate> OddsRatios,
    double Deviance,
    double Aic,
    int Iterations,
    int N,
    ImmutableArray<string> Warnings)
{
    /// <summary>The sandwich of <see cref="SandwichCoefficients"/> (CR1 by default when clusters were given); null when none was asked.</summary>
    public SandwichEstimator? Sandwich { get; init; }

    /// <summary>
    /// The slopes β with the sandwich SEs of <see cref="Sandwich"/> (R's <c>sandwich::vcovCL</c> or <c>vcovHC</c>, see
    /// <see cref="SandwichEstimator"/>), t with G − 1 degrees of freedom for cluster-robust ones, z otherwise; empty without a sandwich.
    /// </summary>
    public ImmutableArray<Estimate> SandwichCoefficients { get; init; } = [];

    /// <summary>exp of <see cref="SandwichCoefficients"/>; empty without a sandwich.</summary>
    public ImmutableArray<Estimate> SandwichOddsRatios { get; init; } = [];

    /// <summary>The thresholds ζ with the sandwich SEs of <see cref="Sandwich"/> (same reference as <see cref="SandwichCoefficients"/>); empty without a sandwich.</summary>
    public ImmutableArray<Estimate> SandwichThresholds { get; init; } = [];

    /// <summary>
    /// When clusters were given to <see cref="OrderedLogit.Fit"/>: the slopes β with cluster-robust SEs (CR1 by default: R's
    /// <c>sandwich::vcovCL(fit, cluster, type = "HC1")</c>), t with G − 1 degrees of freedom, p and CIs; otherwise empty.
    /// </summary>
    public ImmutableArray<Estimate> ClusterRobustCoefficients => Sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? SandwichCoefficients : [];

    /// <summary>exp of <see cref="ClusterRobustCoefficients"/> (CI exp of the cluster-robust interval); empty without clusters.</summary>
    public ImmutableArray<Estimate> ClusterRobustOddsRatios => Sandwich is SandwichEstimator.CR0 or SandwichEstimator.CR1 ? SandwichOddsRatios : [];

    /// <summary>
    /// Predicted probability of each level for one covariate profile:
    /// P(Y = k | x) = F(ζ_k − x·β) − F(ζ_{k−1} − x·β), F the logistic CDF (R's
    /// <c>predict(polr, newdata, type = "probs")</c>).
    /// </summary>
    /// <param name="predictorValues">One value per predictor, in the order given to <see cref="OrderedLogit.Fit"/> (values of aliased terms are ignored).</param>
    /// <returns>K probabilities summing to 1, lowest level first.</returns>
    /// <exception cref="ArgumentException">Wrong number of values, or a value is not finite.</exception>
    public double[] PredictProbabilities(ReadOnlySpan<double> predictorValues)
    {
        if (predictorValues.Length != Coefficients.Length)
            throw new ArgumentException($"Expected {Coefficients.Length} predictor values, got {predictorValues.Length}.", nameof(predictorValues));
        var eta = 0.0;
        for (var j = 0; j < Coefficients.Length; j++)
        {
            if (!double.IsFinite(predictorValues[j])) throw new ArgumentException($"Predictor value {j} is not finite.", nameof(predictorValues));
            if (Coefficients[j].IsEstimable) eta += Coefficients[j].Value * predictorValues[j];
        }
        var k = Levels.Length;
        var probs = new double[k];
        var previous = 0.0;
        for (var level = 0; level < k - 1; level++)
        {
            var cumulative = OrderedLogit.Logistic(Thresholds[level].Value - eta);
            probs[level] = cumulative - previous;
            previous = cumulative;
        }
        probs[k - 1] = 1 - previous;
        return probs;
    }
}

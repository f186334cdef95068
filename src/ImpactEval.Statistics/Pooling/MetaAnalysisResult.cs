using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>
/// Result of pooling effects across studies (here typically one impact estimate per cité), with
/// heterogeneity statistics and the prediction interval for a new cité, as <c>metafor::rma</c> reports them.
/// </summary>
/// <param name="Pooled">Pooled effect (term "overall") with SE, z or t statistic, df (∞ for z), p-value and confidence interval.</param>
/// <param name="Model">Estimator of τ²: "EE" (equal / fixed effects, τ² = 0), "DL" (DerSimonian–Laird) or "REML".</param>
/// <param name="Test">Inference used for the pooled effect.</param>
/// <param name="Studies">Number of studies k used (after dropping missing values).</param>
/// <param name="Tau2">Estimated between-study variance τ² (0 for "EE").</param>
/// <param name="Tau2StandardError">Standard error of τ² as metafor computes it for the estimator; null for "EE".</param>
/// <param name="Q">Cochran's Q = Σ (yᵢ − μ̂_EE)² / vᵢ.</param>
/// <param name="QDegreesOfFreedom">k − 1.</param>
/// <param name="QPValue">Upper-tail χ²(k − 1) probability of Q (test of homogeneity).</param>
/// <param name="I2">I², in percent: for random-effects models 100 τ² / (τ² + s²) with s² the "typical" within-study variance (k − 1) / (Σw − Σw²/Σw); for "EE" max(0, 100 (Q − (k − 1)) / Q).</param>
/// <param name="H2">H²: τ² / s² + 1 (random effects) or Q / (k − 1) ("EE").</param>
/// <param name="PredictionInterval">
/// Interval expected to contain the true effect in a new cité: μ̂ ± c sqrt(SE² + τ²), with c the same
/// critical value as the confidence interval (normal, or t on k − 1 df under Knapp–Hartung), as
/// <c>predict.rma</c>'s default. Equals the confidence interval for "EE".
/// </param>
/// <param name="Weights">Weight of each input study in percent (100 wᵢ / Σw with wᵢ = 1 / (vᵢ + τ²)), in input order; 0 for a dropped study.</param>
/// <param name="Iterations">Fisher scoring iterations for REML; 0 for closed-form estimators.</param>
public sealed record MetaAnalysisResult(
    Estimate Pooled,
    string Model,
    MetaAnalysisTest Test,
    int Studies,
    double Tau2,
    double? Tau2StandardError,
    double Q,
    double QDegreesOfFreedom,
    double QPValue,
    double I2,
    double H2,
    ConfidenceInterval PredictionInterval,
    ImmutableArray<double> Weights,
    int Iterations)
{
    /// <summary>Between-study standard deviation τ, in the unit of the effects.</summary>
    public double Tau => Math.Sqrt(Tau2);
}

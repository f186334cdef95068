using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>What the effect of a contrast measures.</summary>
public enum EffectScale
{
    /// <summary>A difference in the indicator's own unit (points of the scale, percentage points…).</summary>
    Difference,
    /// <summary>An odds ratio (ordered logit, logistic): above 1 means higher odds in the focal group.</summary>
    OddsRatio,
    /// <summary>A ratio of proportions (risk ratio): above 1 means a higher proportion in the focal group.</summary>
    RiskRatio,
    /// <summary>The probability of superiority P(X &gt; Y) + ½P(X = Y) of a focal value over a comparison value: 0.5 means no difference.</summary>
    ProbabilityOfSuperiority,
}

/// <summary>Traits of <see cref="EffectScale"/>.</summary>
public static class EffectScales
{
    /// <summary>The value of no difference: 0 for differences, 1 for ratios, 0.5 for the probability of superiority.</summary>
    public static double NullValue(this EffectScale scale) => scale switch
    {
        EffectScale.OddsRatio or EffectScale.RiskRatio => 1.0,
        EffectScale.ProbabilityOfSuperiority => 0.5,
        _ => 0.0,
    };

    /// <summary>Whether the effect is a ratio (shown on a logarithmic axis).</summary>
    public static bool IsRatio(this EffectScale scale) => scale is EffectScale.OddsRatio or EffectScale.RiskRatio;
}

/// <summary>The estimated effect of one contrast (focal against one comparison group) on one indicator.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Focal">Focal group code.</param>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="FocalN">Focal participants used.</param>
/// <param name="ComparisonN">Comparison participants used.</param>
/// <param name="FocalMean">Raw mean of the focal group (NaN when not computed).</param>
/// <param name="ComparisonMean">Raw mean of the comparison group (NaN when not computed).</param>
/// <param name="Scale">What <paramref name="Effect"/> measures.</param>
/// <param name="Effect">The estimate with its uncertainty; null when it could not be estimated.</param>
/// <param name="Adjusted">The p-value adjusted for the multiplicity of outcomes in the analysis; null when not adjusted.</param>
/// <param name="FailureReason">French reason when no estimate was possible.</param>
public sealed record ContrastEstimate(
    string Indicator,
    string Focal,
    string Comparison,
    int FocalN,
    int ComparisonN,
    double FocalMean,
    double ComparisonMean,
    EffectScale Scale,
    Estimate? Effect,
    AdjustedPValue? Adjusted,
    string? FailureReason)
{
    /// <summary>French warnings of the estimator (small samples, collinearity…).</summary>
    public ImmutableArray<string> Warnings => Effect?.Warnings ?? [];

    /// <summary>
    /// The variance used, in the protocol's words ("CR2", "CR1", "HC2", "classique"…) or the estimator's own ("welch",
    /// "brunner_munzel", "newcombe", "katz", "bootstrap"); null when nothing was estimated.
    /// </summary>
    public string? Variance { get; init; }

    /// <summary>Number of clusters behind a cluster-robust or bootstrap variance; null otherwise.</summary>
    public int? Clusters { get; init; }

    /// <summary>The thresholds (cut-points) of the ordered logit this contrast comes from, with the same variance; empty for other estimators.</summary>
    public ImmutableArray<Estimate> Thresholds { get; init; } = [];

    /// <summary>Sensitivity to unmeasured confounding (VanderWeele and Ding's E-value); null when not computed (see docs).</summary>
    public EValue? EValue { get; init; }
}

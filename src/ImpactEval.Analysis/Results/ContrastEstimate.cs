using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>What the effect of a contrast measures.</summary>
public enum EffectScale
{
    /// <summary>A difference in the indicator's own unit (points of the scale, percentage points…).</summary>
    Difference,
    /// <summary>An odds ratio (ordered logit, logistic): above 1 favours the focal group.</summary>
    OddsRatio,
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
}

using System.Collections.Immutable;
using ImpactEval.Core.Model;

namespace ImpactEval.Analysis.Results;

/// <summary>The results of one analysis declared in the protocol.</summary>
/// <param name="Code">Analysis code.</param>
/// <param name="Label">French label.</param>
/// <param name="Estimator">The estimator used.</param>
/// <param name="Method">Plain description of the method (model, variance, degrees of freedom).</param>
/// <param name="Wave">Wave analysed.</param>
/// <param name="ConfidenceLevel">Confidence level of the intervals.</param>
/// <param name="Multiplicity">Adjustment applied across the outcomes, within each contrast (or across the family, see <see cref="Family"/>).</param>
/// <param name="Contrasts">One estimate per outcome and contrast.</param>
/// <param name="Weighting">Diagnostics of the propensity weights (weighting analyses only).</param>
public sealed record AnalysisResult(
    string Code,
    string Label,
    Estimator Estimator,
    string Method,
    string Wave,
    double ConfidenceLevel,
    Multiplicity Multiplicity,
    ImmutableArray<ContrastEstimate> Contrasts,
    WeightingDiagnostics? Weighting)
{
    /// <summary>Joint (one model on all groups) or pairwise (one model per contrast); null for two-sample statistics.</summary>
    public AnalysisModel? Model { get; init; }

    /// <summary>For <c>paired_change</c>: the observed change of each outcome in each group (focal first), between the baseline wave and <see cref="Wave"/>.</summary>
    public ImmutableArray<ChangeEstimate> Changes { get; init; } = [];

    /// <summary>The family of tests across analyses whose adjustment <see cref="Multiplicity"/> is, or null when p-values are adjusted within the analysis.</summary>
    public string? Family { get; init; }
}

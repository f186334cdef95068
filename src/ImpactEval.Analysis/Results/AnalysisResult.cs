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
/// <param name="Multiplicity">Adjustment applied across the outcomes, within each contrast.</param>
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
    WeightingDiagnostics? Weighting);

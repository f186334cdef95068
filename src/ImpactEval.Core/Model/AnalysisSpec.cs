using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>An analysis declared in the protocol: which outcomes, at which wave, which contrasts, how.</summary>
/// <param name="Code">Stable code (e.g. "A1").</param>
/// <param name="Label">French label.</param>
/// <param name="OutcomeCodes">Indicator codes analysed.</param>
/// <param name="WaveCode">The wave at which outcomes are compared.</param>
/// <param name="BaselineWaveCode">An earlier wave whose value of the same indicator is used for adjustment or differencing; null if none.</param>
/// <param name="Contrasts">The comparisons (focal against each comparison group by default).</param>
/// <param name="Estimator">The estimator.</param>
/// <param name="CovariateCodes">Baseline covariates used for adjustment, weighting and balance.</param>
/// <param name="ConfidenceLevel">Confidence level in (0, 1), 0.95 by default.</param>
/// <param name="Multiplicity">Adjustment of p-values across the outcomes of the analysis.</param>
/// <param name="At">Where the analysis is declared.</param>
public sealed record AnalysisSpec(
    string Code,
    string Label,
    ImmutableArray<string> OutcomeCodes,
    string WaveCode,
    string? BaselineWaveCode,
    ImmutableArray<ContrastSpec> Contrasts,
    Estimator Estimator,
    ImmutableArray<string> CovariateCodes,
    double ConfidenceLevel,
    Multiplicity Multiplicity,
    SourcePosition At);

using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>Diagnostics of the propensity weights of a weighting analysis.</summary>
/// <param name="Groups">Per group: effective sample size, largest weights, coefficient of variation.</param>
/// <param name="Overlap">Per comparison group: overlap of propensity scores with the focal group.</param>
/// <param name="Warnings">French warnings of the propensity model.</param>
public sealed record WeightingDiagnostics(ImmutableArray<GroupWeightSummary> Groups, ImmutableArray<PropensityOverlap> Overlap, ImmutableArray<string> Warnings);

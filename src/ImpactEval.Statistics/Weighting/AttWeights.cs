using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>Inverse-probability weights targeting the average effect on the focal group (ATT).</summary>
/// <param name="Weights">One weight per input row: 1 for focal units, p_focal(x) / p_own(x) for the others.</param>
/// <param name="FocalGroup">Code of the focal group.</param>
/// <param name="Method">Short English description of the propensity model and formula.</param>
public sealed record AttWeights(ImmutableArray<double> Weights, int FocalGroup, string Method);

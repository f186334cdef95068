using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>The Wilcoxon–Mann–Whitney rank-sum test of two groups.</summary>
/// <param name="W">
/// R's W statistic: the sum of the focal group's mid-ranks minus n₁(n₁ + 1)/2, i.e. the number of
/// (focal, comparison) pairs where the focal value is larger, ties counting one half.
/// </param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="IsExact">Whether the p-value comes from the exact null distribution (true) or the normal approximation with tie and continuity correction (false).</param>
/// <param name="Method">Description of the convention followed.</param>
/// <param name="Warnings">French messages (e.g. ties prevented the exact p-value).</param>
public sealed record WilcoxonTest(double W, double PValue, bool IsExact, string Method, ImmutableArray<string> Warnings);

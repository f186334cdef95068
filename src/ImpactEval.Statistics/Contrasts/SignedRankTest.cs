using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>The Wilcoxon signed-rank test of paired changes (after − before).</summary>
/// <param name="V">R's V statistic: the sum of the ranks of |change| over the positive changes (zero changes dropped).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="IsExact">Whether the p-value comes from the exact null distribution (true) or the normal approximation with tie and continuity correction (false).</param>
/// <param name="N">Pairs with a non-zero change (those the test ranks).</param>
/// <param name="Method">Description of the convention followed.</param>
/// <param name="Warnings">French messages (e.g. ties or zero changes prevented the exact p-value).</param>
public sealed record SignedRankTest(double V, double PValue, bool IsExact, int N, string Method, ImmutableArray<string> Warnings);

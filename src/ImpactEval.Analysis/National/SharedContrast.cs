using System.Collections.Immutable;

namespace ImpactEval.Analysis.National;

/// <summary>
/// A contrast that several cités' protocols share (same analysis code, indicator on the same scale, same comparison
/// group), with each cité's published estimate: what a national synthesis pools (<see cref="Pooling.Pool"/>).
/// </summary>
/// <param name="Analysis">Analysis code ("A2").</param>
/// <param name="Indicator">Indicator code.</param>
/// <param name="IndicatorLabel">The indicator's label (from the first protocol, by cité code).</param>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="ComparisonLabel">The comparison group's label.</param>
/// <param name="Cites">One stored estimate per protocol, by cité code.</param>
public sealed record SharedContrast(string Analysis, string Indicator, string IndicatorLabel, string Comparison, string ComparisonLabel, ImmutableArray<CiteEstimate> Cites);

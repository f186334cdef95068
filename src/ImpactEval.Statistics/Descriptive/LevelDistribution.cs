using System.Collections.Immutable;

namespace ImpactEval.Statistics;

/// <summary>The distribution of an ordinal or categorical indicator over its levels in one group.</summary>
/// <param name="Label">The group's label.</param>
/// <param name="N">Number of non-missing values (the denominator of every share).</param>
/// <param name="Missing">Number of missing values dropped.</param>
/// <param name="Levels">One share per scale level, in the order of the scale, unobserved levels included (count 0).</param>
public sealed record LevelDistribution(string Label, int N, int Missing, ImmutableArray<LevelShare> Levels);

namespace ImpactEval.Statistics;

/// <summary>The share of one level of an ordinal or categorical scale in a group.</summary>
/// <param name="Level">The scale level (code and label).</param>
/// <param name="Share">Count of the level among the group's non-missing values, proportion and Wilson interval.</param>
public sealed record LevelShare(LevelLabel Level, Proportion Share);

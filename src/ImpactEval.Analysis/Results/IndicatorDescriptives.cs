using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>Descriptive statistics of one indicator at one wave, per group.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Wave">Wave code.</param>
/// <param name="Groups">One entry per group.</param>
public sealed record IndicatorDescriptives(string Indicator, string Wave, ImmutableArray<GroupDescriptives> Groups);

/// <summary>Descriptives of one group: a numeric summary, and the level distribution for labelled scales.</summary>
/// <param name="Group">Group code.</param>
/// <param name="N">Values present.</param>
/// <param name="Missing">Enrolled participants without a value.</param>
/// <param name="Summary">Mean, SD, quartiles… (null when fewer than 2 values).</param>
/// <param name="Levels">Distribution over levels (labelled scales only).</param>
/// <param name="FailureReason">French reason when a summary could not be computed.</param>
public sealed record GroupDescriptives(string Group, int N, int Missing, GroupSummary? Summary, LevelDistribution? Levels, string? FailureReason);

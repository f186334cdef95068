using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>Descriptive statistics of every indicator, per wave and group.</summary>
/// <param name="Indicators">One entry per indicator, in protocol order.</param>
/// <param name="Table">All numeric summaries in one long table (indicator, wave, group).</param>
/// <param name="LevelsTable">All level distributions (labelled indicators) in one long table; null when none.</param>
public sealed record DescriptivesSection(ImmutableArray<IndicatorSeries> Indicators, ReportTable Table, ReportTable? LevelsTable);

/// <summary>One indicator across waves and groups.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="Label">Label.</param>
/// <param name="LevelText">Indicator level ("impact"…).</param>
/// <param name="Unit">Unit, or null.</param>
/// <param name="IsLabelled">Whether values are labelled levels (ordinal, binary, categorical).</param>
/// <param name="Rows">One row per wave and group.</param>
/// <param name="Trajectory">Mean per group across waves with confidence bars; null for categorical indicators.</param>
/// <param name="Distribution">Stacked bars of the level distribution (labelled indicators); null otherwise.</param>
public sealed record IndicatorSeries(
    string Code,
    string Label,
    string LevelText,
    string? Unit,
    bool IsLabelled,
    ImmutableArray<SeriesRow> Rows,
    Chart? Trajectory,
    Chart? Distribution);

/// <summary>One group at one wave.</summary>
/// <param name="WaveCode">Wave code.</param>
/// <param name="WaveLabel">Wave label.</param>
/// <param name="GroupCode">Group code.</param>
/// <param name="GroupLabel">Group label.</param>
/// <param name="N">Values present.</param>
/// <param name="Missing">Enrolled without a value.</param>
/// <param name="Mean">Mean (a share for binary indicators: "62,3 %").</param>
/// <param name="MeanWithInterval">Mean with its confidence interval.</param>
/// <param name="StandardDeviation">Standard deviation ("n.d." for binary indicators).</param>
/// <param name="Median">Median.</param>
/// <param name="Quartiles">"[Q1 ; Q3]".</param>
/// <param name="IsShown">False when the estimates of this group are withheld (group too small or distribution partly hidden).</param>
/// <param name="Levels">Level shares (labelled indicators).</param>
/// <param name="Warnings">French warnings of the summary.</param>
public sealed record SeriesRow(
    string WaveCode,
    string WaveLabel,
    string GroupCode,
    string GroupLabel,
    string N,
    string Missing,
    string Mean,
    string MeanWithInterval,
    string StandardDeviation,
    string Median,
    string Quartiles,
    bool IsShown,
    ImmutableArray<LevelView> Levels,
    ImmutableArray<string> Warnings);

/// <summary>A level of a labelled indicator in one group at one wave.</summary>
/// <param name="Label">Level label.</param>
/// <param name="Count">Count ("s" when hidden).</param>
/// <param name="Share">Share of the group's values ("s" when hidden).</param>
public sealed record LevelView(string Label, string Count, string Share);

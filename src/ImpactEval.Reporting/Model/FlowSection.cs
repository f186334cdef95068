using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>The sample flow: how many participants each group enrolled, and kept at each wave.</summary>
/// <param name="Groups">One entry per group.</param>
/// <param name="Summary">A French sentence summarising the flow.</param>
/// <param name="Table">The flow table with totals (hidden cells shown as "s").</param>
/// <param name="Chart">The flow diagram.</param>
public sealed record FlowSection(ImmutableArray<FlowGroupView> Groups, string Summary, ReportTable Table, Chart Chart);

/// <summary>The flow of one group.</summary>
/// <param name="Code">Group code.</param>
/// <param name="Label">Group label.</param>
/// <param name="Enrolled">Enrolled ("312" or "s").</param>
/// <param name="Withdrawn">Withdrawn from the evaluation ("4" is never shown: "s").</param>
/// <param name="Waves">One entry per wave at which indicators are collected.</param>
public sealed record FlowGroupView(string Code, string Label, string Enrolled, string Withdrawn, ImmutableArray<FlowWaveView> Waves);

/// <summary>The participants of a group at one wave.</summary>
/// <param name="WaveCode">Wave code.</param>
/// <param name="WaveLabel">Wave label.</param>
/// <param name="Observed">Observed (at least one value).</param>
/// <param name="Lost">Enrolled but not observed.</param>
/// <param name="AttritionRate">Lost / enrolled ("12,3 %", or "s").</param>
public sealed record FlowWaveView(string WaveCode, string WaveLabel, string Observed, string Lost, string AttritionRate);

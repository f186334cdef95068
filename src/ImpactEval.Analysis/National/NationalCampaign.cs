using System.Collections.Immutable;

namespace ImpactEval.Analysis.National;

/// <summary>The facts of a questionnaire campaign that its consolidation needs, read from the store.</summary>
/// <param name="Code">Campaign code.</param>
/// <param name="Label">French label.</param>
/// <param name="Period">The period the answers describe, as users write it ("2023-2024").</param>
/// <param name="IndicatorCodes">The indicators asked; empty for every indicator of the protocol.</param>
/// <param name="Territories">The cités asked (the eligible cités of every question).</param>
public sealed record NationalCampaign(string Code, string Label, string Period, ImmutableArray<AskedTerritory> Territories, ImmutableArray<string> IndicatorCodes = default);

/// <summary>A cité asked to answer a campaign.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name, or null when the store has none.</param>
public sealed record AskedTerritory(string Code, string? Name);

/// <summary>One answer a cité sent: the stored value of one indicator for the campaign's period.</summary>
/// <param name="Territory">The cité's code.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Value">The stored number (level value for labelled scales, 1/0 for binary).</param>
/// <param name="RecordedAtUtc">When the value first reached the store (UTC).</param>
public sealed record CampaignValue(string Territory, string Indicator, double Value, DateTime RecordedAtUtc);

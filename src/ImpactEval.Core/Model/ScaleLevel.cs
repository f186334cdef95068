namespace ImpactEval.Core.Model;

/// <summary>One labelled level of an ordinal, categorical or binary scale.</summary>
/// <param name="Value">The stored numeric value (whole number).</param>
/// <param name="Label">French label shown to users and accepted on import.</param>
public sealed record ScaleLevel(int Value, string Label);

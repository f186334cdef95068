namespace ImpactEval.Statistics;

/// <summary>One level of an ordinal or categorical scale: the numeric code stored in the data and its label.</summary>
/// <param name="Code">Numeric code of the level as it appears in <see cref="GroupSample.Values"/> (e.g. 1 … 4).</param>
/// <param name="Label">Label shown in reports (e.g. "Souvent").</param>
public sealed record ScaleLevel(double Code, string Label);

namespace ImpactEval.Statistics;

/// <summary>One level of an ordinal or categorical scale: the numeric code stored in the data and its label.</summary>
/// <remarks>
/// The statistics' own copy of a level, independent of the protocol model (ImpactEval.Core's
/// <c>ScaleLevel</c>, whose integer value the analysis layer passes as <see cref="Code"/>).
/// </remarks>
/// <param name="Code">Numeric code of the level as it appears in <see cref="GroupSample.Values"/> (e.g. 1 … 4).</param>
/// <param name="Label">Label shown in reports (e.g. "Souvent").</param>
public sealed record LevelLabel(double Code, string Label);

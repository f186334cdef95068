namespace ImpactEval.Core.Model;

/// <summary>A wave of data collection (a "temps de mesure").</summary>
/// <param name="Code">Stable code (e.g. "T1").</param>
/// <param name="Label">French label (e.g. "Entrée en petite section").</param>
/// <param name="Order">Position in time, 0 for the first wave.</param>
/// <param name="Schedule">Due date rule and collection window.</param>
/// <param name="At">Where the wave is declared in the protocol file.</param>
public sealed record Wave(string Code, string Label, int Order, WaveSchedule Schedule, SourcePosition At);

namespace ImpactEval.Collection.Observations;

/// <summary>The outcome of a single-value correction.</summary>
/// <param name="Done">Whether the value was written.</param>
/// <param name="Message">What changed (previous → new), or why nothing was written, in French.</param>
public sealed record CorrectionOutcome(bool Done, string Message);

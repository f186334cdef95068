namespace ImpactEval.Collection.Rights;

/// <summary>The outcome of erasing a participant.</summary>
/// <param name="Done">Whether anything was erased.</param>
/// <param name="Message">What was erased, or why nothing was, in French.</param>
/// <param name="Enrolments">Enrolments erased.</param>
/// <param name="Observations">Observations erased (with their revisions).</param>
public sealed record ErasureOutcome(bool Done, string Message, int Enrolments, int Observations);

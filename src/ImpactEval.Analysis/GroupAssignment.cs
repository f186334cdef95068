namespace ImpactEval.Analysis;

/// <summary>Which group a participant counts in when some changed group after enrolment.</summary>
/// <remarks>
/// Intention to treat is the default and the reference: groups stay as they were formed, so a family that later joined
/// the scheme cannot carry its own reasons for joining into the comparison. "As treated" answers another question (the
/// association with what families actually received) and is open to that selection bias; report it beside, never
/// instead of, the intention-to-treat estimate.
/// </remarks>
public enum GroupAssignment
{
    /// <summary>The group at enrolment ("intention de traiter").</summary>
    IntentionToTreat,

    /// <summary>The group after the latest recorded change ("tel que traité").</summary>
    AsTreated,
}

namespace ImpactEval.Data.Entities;

/// <summary>Where a cité's answers to a questionnaire campaign stand in the national workflow.</summary>
public enum SubmissionState
{
    /// <summary>Being written by the cité (brouillon).</summary>
    Draft,

    /// <summary>Sent by the cité to its préfecture referent (soumise).</summary>
    Submitted,

    /// <summary>Validated by the préfecture referent of the cité's département (validée).</summary>
    Validated,

    /// <summary>Accepted by ANCT: part of the national consolidation (acceptée).</summary>
    Accepted,

    /// <summary>Returned to the cité for correction, with a comment (renvoyée).</summary>
    Returned,
}

namespace ImpactEval.Core.Model;

/// <summary>The role of a group (cohort) in the evaluation's comparisons.</summary>
public enum GroupRole
{
    /// <summary>The group that benefits from the action, compared with each comparison group.</summary>
    Focal,

    /// <summary>A group that does not benefit from the action, used as a point of comparison.</summary>
    Comparison,
}

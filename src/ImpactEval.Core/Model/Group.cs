namespace ImpactEval.Core.Model;

/// <summary>A group (cohort) of participants.</summary>
/// <param name="Code">Stable code (e.g. "BEN").</param>
/// <param name="Label">French label (e.g. "Familles bénéficiaires").</param>
/// <param name="Role">Focal or comparison.</param>
/// <param name="Membership">How membership is decided, in plain French.</param>
/// <param name="PlannedSize">How many participants the protocol plans to enrol in the group (for sizing), if declared.</param>
/// <param name="At">Where the group is declared in the protocol file.</param>
public sealed record Group(string Code, string Label, GroupRole Role, string? Membership, int? PlannedSize, SourcePosition At);

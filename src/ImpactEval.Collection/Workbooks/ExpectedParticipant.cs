namespace ImpactEval.Collection.Workbooks;

/// <summary>A participant a wave's workbooks list: the cité's identifier (from its roster file), group at enrolment and school.</summary>
/// <param name="Identifier">The cité's identifier, as in its roster file.</param>
/// <param name="Group">Group at enrolment: which indicators apply (indicator <c>groups:</c>).</param>
/// <param name="School">School (cluster code) of the enrolment, or null when the protocol has none.</param>
public sealed record ExpectedParticipant(string Identifier, string Group, string? School);

using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>An indicator of the evaluation: what is measured, how, by whom and at which waves.</summary>
/// <param name="Code">Stable code (e.g. "COOP_PROPRETE"); the key of observations and of import columns.</param>
/// <param name="Label">French label shown to users.</param>
/// <param name="Level">Effectivité, résultat or impact.</param>
/// <param name="Scale">Type, unit, range or levels.</param>
/// <param name="Direction">Whether higher values are better.</param>
/// <param name="Source">Source or instrument (e.g. "grille d'observation enseignant").</param>
/// <param name="Respondent">Who provides the value (e.g. "enseignant").</param>
/// <param name="WaveCodes">Codes of the waves at which the indicator is collected.</param>
/// <param name="At">Where the indicator is declared in the protocol file.</param>
public sealed record Indicator(
    string Code,
    string Label,
    IndicatorLevel Level,
    Scale Scale,
    Direction Direction,
    string? Source,
    string? Respondent,
    ImmutableArray<string> WaveCodes,
    SourcePosition At)
{
    /// <summary>Codes of the groups the indicator applies to (<c>groups:</c>); empty when it applies to every group.</summary>
    public ImmutableArray<string> GroupCodes { get; init; } = [];

    /// <summary>Whether a value is due for a participant of <paramref name="groupCode"/> (at a wave of <see cref="WaveCodes"/>).</summary>
    /// <param name="groupCode">The participant's group at enrolment.</param>
    public bool AppliesTo(string groupCode) => GroupCodes.IsDefaultOrEmpty || GroupCodes.Contains(groupCode);
}

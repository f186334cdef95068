using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>
/// A family of tests spanning several analyses: the p-values of every outcome and contrast of its analyses are adjusted
/// together (instead of within each analysis × contrast).
/// </summary>
/// <param name="Code">Stable code of the family.</param>
/// <param name="Label">French label, or null.</param>
/// <param name="AnalysisCodes">The analyses whose estimates form the family.</param>
/// <param name="Multiplicity">The adjustment applied across the family.</param>
/// <param name="At">Where the family is declared.</param>
public sealed record MultiplicityFamily(string Code, string? Label, ImmutableArray<string> AnalysisCodes, Multiplicity Multiplicity, SourcePosition At);

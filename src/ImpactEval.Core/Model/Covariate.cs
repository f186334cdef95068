namespace ImpactEval.Core.Model;

/// <summary>A characteristic measured once, at baseline (before the action), used for balance and adjustment.</summary>
/// <param name="Code">Stable code (e.g. "AGE_MOIS").</param>
/// <param name="Label">French label.</param>
/// <param name="Scale">Type, unit, range or levels.</param>
/// <param name="At">Where the covariate is declared in the protocol file.</param>
public sealed record Covariate(string Code, string Label, Scale Scale, SourcePosition At);

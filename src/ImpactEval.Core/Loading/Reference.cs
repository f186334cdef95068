using ImpactEval.Core.Model;

namespace ImpactEval.Core.Loading;

/// <summary>What kind of element a code in a protocol refers to.</summary>
internal enum ReferenceKind
{
    Indicator,
    Wave,
    Covariate,
    FocalGroup,
    ComparisonGroup,
    Group,
}

/// <summary>A code used somewhere in a protocol file, with its place, checked once the whole file is read.</summary>
internal sealed record Reference(ReferenceKind Kind, string Code, SourcePosition At, string Where);

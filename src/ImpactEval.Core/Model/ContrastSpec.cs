namespace ImpactEval.Core.Model;

/// <summary>One comparison: the focal group against one comparison group.</summary>
/// <param name="FocalCode">Code of the focal group.</param>
/// <param name="ComparisonCode">Code of the comparison group.</param>
public sealed record ContrastSpec(string FocalCode, string ComparisonCode);

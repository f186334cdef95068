namespace ImpactEval.Collection.Import;

/// <summary>How an import runs.</summary>
/// <param name="Actor">Who imports (for history and audit).</param>
/// <param name="DryRun">Validate and count what would change, write nothing.</param>
/// <param name="Wave">For observation files without a "vague" column: the wave every row belongs to.</param>
public sealed record ImportOptions(string Actor, bool DryRun = false, string? Wave = null);

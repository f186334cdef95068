namespace ImpactEval.Collection.Import;

/// <summary>How an import runs.</summary>
/// <param name="Actor">Who imports (for history and audit).</param>
/// <param name="DryRun">Validate and count what would change, write nothing.</param>
/// <param name="Wave">For observation files without a "vague" column: the wave every row belongs to.</param>
/// <param name="Period">For aggregated-value files without a "periode" column: the period every row describes (e.g. "2025-T1").</param>
/// <param name="CreateTerritories">For aggregated values of a national campaign: create the territories the store does not know yet (otherwise they are refused as unknown).</param>
/// <param name="Reenrol">For enrolments: enrol again participants who were erased, after a new consent (each one is audited); otherwise they are refused.</param>
public sealed record ImportOptions(string Actor, bool DryRun = false, string? Wave = null, string? Period = null, bool CreateTerritories = false, bool Reenrol = false);

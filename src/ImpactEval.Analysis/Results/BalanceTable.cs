using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Results;

/// <summary>
/// Baseline balance of one contrast on one sample: standardised differences per covariate (cobalt's conventions,
/// weighted when <see cref="Weighted"/>), and the What Works Clearinghouse baseline-equivalence bands.
/// </summary>
/// <param name="Focal">Focal group code.</param>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="Sample">Which sample: "inscrits" (everyone enrolled) or the analytic sample of a wave ("observés à T2").</param>
/// <param name="Weighted">Whether the rows carry weighted differences (ATT weights).</param>
/// <param name="Rows">Balance per covariate.</param>
/// <param name="Equivalence">WWC effect sizes and bands per covariate (unweighted).</param>
public sealed record BalanceTable(
    string Focal,
    string Comparison,
    string Sample,
    bool Weighted,
    ImmutableArray<CovariateBalanceRow> Rows,
    ImmutableArray<WwcEquivalenceRow> Equivalence);

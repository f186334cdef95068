using System.Collections.Immutable;
using ImpactEval.Statistics;

namespace ImpactEval.Analysis.Estimators;

/// <summary>The effect of one contrast as an estimator found it.</summary>
/// <param name="Comparison">Comparison group code.</param>
/// <param name="Effect">The effect, focal minus (or over) comparison.</param>
/// <param name="Variance">The variance actually used (protocol word: "CR2", "HC2", "classique"…, or the estimator's own: "welch", "bootstrap"…).</param>
/// <param name="Clusters">Clusters behind a cluster-robust or bootstrap variance; null otherwise.</param>
internal sealed record ContrastFit(string Comparison, Estimate Effect, string Variance, int? Clusters);

/// <summary>What one fit gives: the effect of each of its contrasts, and the ordered logit's thresholds.</summary>
/// <param name="Contrasts">One effect per comparison group of the fit.</param>
/// <param name="Thresholds">The cut-points of an ordered logit, with the same variance; empty otherwise.</param>
internal sealed record ModelFit(ImmutableArray<ContrastFit> Contrasts, ImmutableArray<Estimate> Thresholds)
{
    /// <summary>A fit with one contrast and no threshold.</summary>
    public static ModelFit Single(ContrastFit contrast) => new([contrast], []);
}

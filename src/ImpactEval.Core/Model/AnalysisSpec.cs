using System.Collections.Immutable;

namespace ImpactEval.Core.Model;

/// <summary>An analysis declared in the protocol: which outcomes, at which wave, which contrasts, how.</summary>
/// <param name="Code">Stable code (e.g. "A1").</param>
/// <param name="Label">French label.</param>
/// <param name="OutcomeCodes">Indicator codes analysed.</param>
/// <param name="WaveCode">The wave at which outcomes are compared.</param>
/// <param name="BaselineWaveCode">An earlier wave whose value of the same indicator is used for adjustment or differencing; null if none.</param>
/// <param name="Contrasts">The comparisons (focal against each comparison group by default).</param>
/// <param name="Estimator">The estimator.</param>
/// <param name="CovariateCodes">Baseline covariates used for adjustment, weighting and balance.</param>
/// <param name="ConfidenceLevel">Confidence level in (0, 1), 0.95 by default.</param>
/// <param name="Multiplicity">Adjustment of p-values across the outcomes of the analysis.</param>
/// <param name="At">Where the analysis is declared.</param>
/// <remarks>
/// The options below the positional parameters are resolved by the loader: <see cref="Variance"/> and
/// <see cref="DegreesOfFreedom"/> hold the effective choice (the documented default when the protocol says nothing),
/// or null when the estimator has its own inference (two-sample statistics, bootstrap).
/// </remarks>
public sealed record AnalysisSpec(
    string Code,
    string Label,
    ImmutableArray<string> OutcomeCodes,
    string WaveCode,
    string? BaselineWaveCode,
    ImmutableArray<ContrastSpec> Contrasts,
    Estimator Estimator,
    ImmutableArray<string> CovariateCodes,
    double ConfidenceLevel,
    Multiplicity Multiplicity,
    SourcePosition At)
{
    /// <summary>One model on all groups (default) or one model per contrast; meaningful when <see cref="Estimator"/> fits a model.</summary>
    public AnalysisModel Model { get; init; } = AnalysisModel.Joint;

    /// <summary>The variance estimator of a model's coefficients; null for two-sample statistics and the bootstrap.</summary>
    public VarianceChoice? Variance { get; init; }

    /// <summary>The degrees of freedom of linear models' t tests; null when the estimator has its own reference (normal for likelihood models without clusters).</summary>
    public DegreesOfFreedomRule? DegreesOfFreedom { get; init; }

    /// <summary>
    /// Whether the value of each outcome at <see cref="BaselineWaveCode"/> also serves as a baseline covariate: in the
    /// propensity model of a weighting analysis and in the balance tables (<c>baseline: outcome</c>).
    /// </summary>
    public bool BaselineOutcome { get; init; }

    /// <summary>Replications and seed of a cluster bootstrap.</summary>
    public BootstrapSettings Bootstrap { get; init; } = BootstrapSettings.Default;

    /// <summary>
    /// Whether the analysis is the primary one of its evaluation question (<c>primary: true</c>): the one the synthesis for
    /// the steering committee presents; the other analyses of the same outcomes are presented as complementary
    /// (sensitivity) analyses. Without any, the first analysis of the question is its primary one.
    /// </summary>
    public bool Primary { get; init; }

    /// <summary>The family of tests the analysis belongs to (its p-values are adjusted across the family), or null.</summary>
    public string? FamilyCode { get; init; }

    /// <summary>Whether the contrasts are fitted by one model on all their groups.</summary>
    public bool IsJoint => Model == AnalysisModel.Joint && Estimator.FitsModel();
}

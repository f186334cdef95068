using System.Collections.Immutable;

namespace ImpactEval.Reporting.Model;

/// <summary>One analysis of the protocol: its model, and one row per outcome and contrast.</summary>
/// <param name="Code">Analysis code ("A1").</param>
/// <param name="Label">Label.</param>
/// <param name="EstimatorText">The estimator in French ("analyse de covariance (ANCOVA)").</param>
/// <param name="Method">The method as computed (model, variance, degrees of freedom).</param>
/// <param name="WaveLabel">The wave analysed.</param>
/// <param name="ConfidenceText">"95 %".</param>
/// <param name="MultiplicityText">How p-values are adjusted across outcomes ("correction de Holm sur 4 indicateurs").</param>
/// <param name="CovariatesText">Covariates of the model, or "aucune".</param>
/// <param name="ClusterText">How clustering is handled, or null without a clustering unit.</param>
/// <param name="EffectScaleText">What the effect column measures ("écart ajusté sur les caractéristiques mesurées", "écart brut de moyennes", "rapport des chances ajusté sur les caractéristiques mesurées"…).</param>
/// <param name="ScaleExplanation">How to read the effect column, in one French sentence (for odds ratios: what a ratio above or below 1 means).</param>
/// <param name="Summary">One French sentence counting favourable, unfavourable and inconclusive contrasts (never only the favourable ones).</param>
/// <param name="Contrasts">One row per outcome and contrast.</param>
/// <param name="Table">The contrast table.</param>
/// <param name="ForestPlot">The forest plot of the shown contrasts (odds ratios on a logarithmic axis with 1 as reference); null when none can be shown.</param>
/// <param name="Weighting">Diagnostics of the propensity weights; null unless the analysis weights.</param>
public sealed record AnalysisSection(
    string Code,
    string Label,
    string EstimatorText,
    string Method,
    string WaveLabel,
    string ConfidenceText,
    string MultiplicityText,
    string CovariatesText,
    string? ClusterText,
    string EffectScaleText,
    string ScaleExplanation,
    string Summary,
    ImmutableArray<ContrastView> Contrasts,
    ReportTable Table,
    Chart? ForestPlot,
    WeightingSection? Weighting)
{
    /// <summary>The observed changes of a <c>paired_change</c> analysis (indicator × group); empty for other estimators.</summary>
    public ImmutableArray<ChangeView> Changes { get; init; } = [];

    /// <summary>The table of the observed changes; null without any.</summary>
    public ReportTable? ChangeTable { get; init; }
}

/// <summary>One contrast on one outcome.</summary>
/// <param name="IndicatorCode">Indicator code.</param>
/// <param name="IndicatorLabel">Indicator label.</param>
/// <param name="FocalLabel">Focal group label.</param>
/// <param name="ComparisonLabel">Comparison group label.</param>
/// <param name="FocalN">Focal participants used ("s" when hidden).</param>
/// <param name="ComparisonN">Comparison participants used.</param>
/// <param name="FocalMean">Raw mean of the focal group.</param>
/// <param name="ComparisonMean">Raw mean of the comparison group.</param>
/// <param name="Effect">The effect ("0,42", or an odds ratio "1,83").</param>
/// <param name="Interval">Its confidence interval ("[0,11 ; 0,73]").</param>
/// <param name="EffectWithInterval">"0,42 [0,11 ; 0,73]".</param>
/// <param name="PValue">"p = 0,012".</param>
/// <param name="AdjustedPValue">"p ajustée = 0,048", or null when the analysis does not adjust.</param>
/// <param name="Interpretation">The plain-French sentence (see ContrastInterpretation).</param>
/// <param name="IsShown">False when withheld by disclosure control.</param>
/// <param name="IsEstimated">False when the estimator failed (the sentence says why).</param>
/// <param name="Warnings">French warnings of the estimator.</param>
/// <param name="EffectValue">Raw effect, null when not shown.</param>
/// <param name="LowerValue">Raw lower bound, null when not shown.</param>
/// <param name="UpperValue">Raw upper bound, null when not shown.</param>
public sealed record ContrastView(
    string IndicatorCode,
    string IndicatorLabel,
    string FocalLabel,
    string ComparisonLabel,
    string FocalN,
    string ComparisonN,
    string FocalMean,
    string ComparisonMean,
    string Effect,
    string Interval,
    string EffectWithInterval,
    string PValue,
    string? AdjustedPValue,
    string Interpretation,
    bool IsShown,
    bool IsEstimated,
    ImmutableArray<string> Warnings,
    double? EffectValue,
    double? LowerValue,
    double? UpperValue)
{
    /// <summary>
    /// The sentence on sensitivity to unmeasured confounding (E-value of VanderWeele and Ding, 2017): how strongly a
    /// characteristic that was not measured would have to be associated with both the group and the indicator to explain
    /// the estimate away; null when not published or not computed (probabilities of superiority, differences of proportions).
    /// </summary>
    public string? Sensitivity { get; init; }
}
